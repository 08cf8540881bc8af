import { ratedCount, type RatingHistogram } from './histogram';

/**
 * Sample quantile definitions of Hyndman & Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4): type 7 is R's default, type 6 is what SPSS uses.
 */
export type QuantileType = 6 | 7;

export const DEFAULT_QUANTILE_TYPE: QuantileType = 7;

/** R's quantile() snaps (n + 1)·p to an integer this close for type 6, against rounding noise. */
const TYPE_6_FUZZ = 4 * Number.EPSILON;

/** The rank-th smallest rating (1-based), read from the cumulative counts. */
function orderStatistic(histogram: RatingHistogram, rank: number): number {
	let cumulative = 0;
	for (let index = 0; index < histogram.counts.length; index += 1) {
		cumulative += histogram.counts[index];
		if (cumulative >= rank) return index + 1;
	}
	throw new RangeError(`rank ${rank} exceeds the number of ratings ${cumulative}`);
}

/**
 * Position h (1-based, fractional) of the quantile among the n sorted ratings, already clamped
 * to [1, n]. Type 7: h = (n − 1)p + 1. Type 6: h = (n + 1)p, clamped to the minimum and maximum
 * at the ends.
 */
function quantilePosition(n: number, probability: number, type: QuantileType): number {
	if (type === 7) return (n - 1) * probability + 1;
	const position = (n + 1) * probability;
	return Math.min(Math.max(position, 1), n);
}

/**
 * The p-quantile of the 1–5 ratings of a histogram, computed from the cumulative counts without
 * expanding them (O(5)); null when there are no ratings.
 */
export function quantileFromHistogram(
	histogram: RatingHistogram,
	probability: number,
	type: QuantileType = DEFAULT_QUANTILE_TYPE
): number | null {
	if (!(probability >= 0 && probability <= 1)) {
		throw new RangeError(`probability must lie in [0, 1], got ${probability}`);
	}
	const n = ratedCount(histogram);
	if (n === 0) return null;
	const position = quantilePosition(n, probability, type);
	const fuzz = type === 6 ? TYPE_6_FUZZ : 0;
	const lowerRank = Math.floor(position + fuzz);
	const offset = position - lowerRank;
	const fraction = Math.abs(offset) < fuzz ? 0 : offset;
	const lower = orderStatistic(histogram, lowerRank);
	if (fraction === 0) return lower;
	return lower + fraction * (orderStatistic(histogram, lowerRank + 1) - lower);
}
