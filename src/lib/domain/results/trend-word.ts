import { DEFAULT_TREND_THRESHOLD, type TrendDirection } from '../statistics/trend';

/** The word shown for a competence's importance over the horizons. */
export type TrendWord = TrendDirection | 'schwankend';

/**
 * The word must match the figures it stands beside. The least-squares slope alone called
 * 4,0 → 4,5 → 3,9 "gleichbleibend" (slope −0,05); a series that rises and then falls (or the other
 * way round) by more than the threshold per step is "schwankend". Otherwise the slope's direction.
 * Null with fewer than two known means.
 */
export function trendWord(means: readonly (number | null)[], direction: TrendDirection | null, threshold = DEFAULT_TREND_THRESHOLD): TrendWord | null {
	if (direction === null) return null;
	const known = means.filter((mean): mean is number => mean !== null);
	// Compared in tenths, as shown, so that rounding noise makes no swing.
	const steps = known.slice(1).map((mean, i) => Math.round((mean - known[i]) * 10) / 10);
	const up = steps.some((step) => step > threshold);
	const down = steps.some((step) => step < -threshold);
	return up && down ? 'schwankend' : direction;
}
