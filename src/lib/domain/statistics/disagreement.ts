import { ratedCount, type RatingHistogram } from './histogram';
import { quantileFromHistogram } from './quantile';

/** One group's ratings of an item. */
export interface GroupRatings {
	readonly group: string;
	readonly histogram: RatingHistogram;
}

export interface MedianDifference {
	/** The group with the higher median. */
	readonly higherGroup: string;
	readonly lowerGroup: string;
	/** higher median − lower median, ≥ 0. */
	readonly difference: number;
}

function pairsOf<T>(items: readonly T[]): [T, T][] {
	return items.flatMap((first, index) => items.slice(index + 1).map((second): [T, T] => [first, second]));
}

/**
 * The two groups whose medians differ most (groups without ratings are ignored; null when fewer
 * than two remain). The median is the same under quantile types 6 and 7. Among equal
 * differences the first pair in input order wins.
 */
export function largestMedianDifference(groups: readonly GroupRatings[]): MedianDifference | null {
	const medians = groups.flatMap((entry) => {
		const median = quantileFromHistogram(entry.histogram, 0.5);
		return median === null ? [] : [{ group: entry.group, median }];
	});
	let largest: MedianDifference | null = null;
	for (const [first, second] of pairsOf(medians)) {
		const difference = Math.abs(first.median - second.median);
		if (largest === null || difference > largest.difference) {
			const [higher, lower] = first.median >= second.median ? [first, second] : [second, first];
			largest = { higherGroup: higher.group, lowerGroup: lower.group, difference };
		}
	}
	return largest;
}

/**
 * Cliff's delta of X against Y, exact from the histograms: P(X > Y) − P(X < Y) over all pairs of
 * one rating from each. In [−1, 1]; null when either has no ratings.
 */
export function cliffsDelta(x: RatingHistogram, y: RatingHistogram): number | null {
	const pairs = ratedCount(x) * ratedCount(y);
	if (pairs === 0) return null;
	let dominance = 0;
	x.counts.forEach((xCount, xIndex) => {
		y.counts.forEach((yCount, yIndex) => {
			dominance += xCount * yCount * Math.sign(xIndex - yIndex);
		});
	});
	return dominance / pairs;
}

export type EffectMagnitude = 'negligible' | 'small' | 'medium' | 'large';

/**
 * Romano, Kromrey, Coraggio & Skowronek (2006): |δ| < 0.147 negligible, < 0.33 small,
 * < 0.474 medium, otherwise large.
 */
export function cliffsDeltaMagnitude(delta: number): EffectMagnitude {
	const size = Math.abs(delta);
	if (size < 0.147) return 'negligible';
	if (size < 0.33) return 'small';
	if (size < 0.474) return 'medium';
	return 'large';
}

export interface CliffsDeltaComparison {
	/** The group that tends to rate higher, so that delta ≥ 0. */
	readonly higherGroup: string;
	readonly lowerGroup: string;
	readonly delta: number;
	readonly magnitude: EffectMagnitude;
}

/**
 * The pair of groups with the largest |Cliff's delta| (groups without ratings ignored; null when
 * fewer than two remain). Among equal |delta| the first pair in input order wins.
 */
export function largestCliffsDelta(groups: readonly GroupRatings[]): CliffsDeltaComparison | null {
	const comparisons = pairsOf(groups).flatMap(([first, second]) => {
		const delta = cliffsDelta(first.histogram, second.histogram);
		return delta === null ? [] : [{ first, second, delta }];
	});
	let largest: CliffsDeltaComparison | null = null;
	for (const { first, second, delta } of comparisons) {
		if (largest === null || Math.abs(delta) > largest.delta) {
			const [higher, lower] = delta >= 0 ? [first, second] : [second, first];
			const size = Math.abs(delta);
			largest = { higherGroup: higher.group, lowerGroup: lower.group, delta: size, magnitude: cliffsDeltaMagnitude(size) };
		}
	}
	return largest;
}
