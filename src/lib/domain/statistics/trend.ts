/** User-facing direction of the importance of a competence across the time horizons. */
export type TrendDirection = 'steigend' | 'gleich' | 'fallend';

export interface HorizonTrend {
	/** Least-squares slope of the mean against the horizon's position (0, 1, 2, …), per step. */
	readonly slope: number | null;
	readonly direction: TrendDirection | null;
}

/**
 * Scale points per horizon step below which a trend counts as 'gleich'. 0.2 is 5 % of the 1–5
 * range and about the standard error of a group mean (sd ≈ 1, n ≈ 25): smaller slopes are not
 * worth a label that suggests a change.
 */
export const DEFAULT_TREND_THRESHOLD = 0.2;

/** Slopes are compared after rounding to 9 decimals so that 0.2000000000000001 is still 0.2. */
const COMPARISON_DECIMALS = 1e9;

function leastSquaresSlope(points: readonly { x: number; y: number }[]): number {
	const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
	const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
	let covariance = 0;
	let varianceX = 0;
	for (const point of points) {
		covariance += (point.x - meanX) * (point.y - meanY);
		varianceX += (point.x - meanX) ** 2;
	}
	return covariance / varianceX;
}

/**
 * Trend of the importance means over the horizons, given in their chronological order (null
 * for a horizon without ratings; it keeps its position). Needs at least two known means.
 * 'steigend' when the slope exceeds the threshold, 'fallend' when it is below −threshold,
 * otherwise 'gleich' (a slope exactly at the threshold is 'gleich').
 */
export function horizonTrend(
	meansInHorizonOrder: readonly (number | null)[],
	threshold: number = DEFAULT_TREND_THRESHOLD
): HorizonTrend {
	if (!(threshold >= 0)) throw new RangeError(`trend threshold must be ≥ 0, got ${threshold}`);
	const points = meansInHorizonOrder.flatMap((mean, position) => (mean === null ? [] : [{ x: position, y: mean }]));
	if (points.length < 2) return { slope: null, direction: null };
	const slope = leastSquaresSlope(points);
	const comparable = Math.round(slope * COMPARISON_DECIMALS);
	const limit = Math.round(threshold * COMPARISON_DECIMALS);
	const direction: TrendDirection = comparable > limit ? 'steigend' : comparable < -limit ? 'fallend' : 'gleich';
	return { slope, direction };
}
