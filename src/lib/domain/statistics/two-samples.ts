import { cliffsDeltaMagnitude, type EffectMagnitude } from './disagreement';
import { standardNormalTwoSidedP } from './gamma';

/*
 * Two INDEPENDENT samples on an ordinal scale, each given only as a histogram (counts per scale
 * point, lowest first), e.g. the ratings of one competence in a study and in its follow-up study:
 * the participants of two studies are not linked, so a paired test (wilcoxon.ts) does not apply.
 * The cost depends on the number of scale points, not on the number of ratings.
 */

export interface MannWhitneyU {
	readonly nX: number;
	readonly nY: number;
	/** U of X: pairs (x, y) with x > y, plus half the ties (R's W of wilcox.test(x, y)). */
	readonly uX: number;
	/** U of Y = nX·nY − U of X. */
	readonly uY: number;
	/**
	 * The standardized statistic of the normal approximation with tie-corrected variance and
	 * continuity correction, as R's wilcox.test(x, y, exact = FALSE, correct = TRUE). 0 when every
	 * rating of both samples is the same scale point (no variance: nothing tells the samples apart).
	 */
	readonly z: number;
	/** Two-sided p-value of the normal approximation. */
	readonly pValue: number;
}

function assertCounts(counts: readonly number[], label: string): number {
	let n = 0;
	for (const count of counts) {
		if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${label}: counts must be non-negative integers, got ${count}`);
		n += count;
	}
	return n;
}

/**
 * Mann–Whitney U test of X against Y from their histograms over the same ordinal scale (both
 * arrays of equal length). Null when either sample is empty (nothing to compare).
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyU | null {
	if (x.length !== y.length) throw new RangeError(`both histograms need the same scale, got ${x.length} and ${y.length} points`);
	const nX = assertCounts(x, 'x');
	const nY = assertCounts(y, 'y');
	if (nX === 0 || nY === 0) return null;
	// Every rating at a scale point shares the mean of the ranks the point occupies.
	let below = 0;
	let rankSumX = 0;
	let tieSum = 0;
	x.forEach((xCount, point) => {
		const tied = xCount + y[point];
		rankSumX += xCount * (below + (tied + 1) / 2);
		tieSum += tied ** 3 - tied;
		below += tied;
	});
	const n = nX + nY;
	const uX = rankSumX - (nX * (nX + 1)) / 2;
	const uY = nX * nY - uX;
	const variance = ((nX * nY) / 12) * (n + 1 - tieSum / (n * (n - 1)));
	const deviation = uX - (nX * nY) / 2;
	if (variance <= 0) return { nX, nY, uX, uY, z: 0, pValue: 1 };
	const z = (deviation - Math.sign(deviation) * 0.5) / Math.sqrt(variance);
	return { nX, nY, uX, uY, z, pValue: standardNormalTwoSidedP(z) };
}

/** The effect size in words (Romano, Kromrey, Coraggio & Skowronek 2006). */
export const EFFECT_SIZE_WORDS: Readonly<Record<EffectMagnitude, string>> = {
	negligible: 'vernachlässigbar',
	small: 'klein',
	medium: 'mittel',
	large: 'groß'
};

export interface TwoSampleComparison extends MannWhitneyU {
	/**
	 * Cliff's delta P(X > Y) − P(X < Y) over all pairs of one rating from each sample, in [−1, 1];
	 * positive when X tends to be higher. Equal to (U of X − U of Y) / (nX·nY).
	 */
	readonly delta: number;
	/** |δ| < 0.147 negligible, < 0.33 small, < 0.474 medium, otherwise large. */
	readonly magnitude: EffectMagnitude;
	/** The magnitude in German: vernachlässigbar, klein, mittel, groß. */
	readonly sizeWord: string;
}

/**
 * Mann–Whitney U and Cliff's delta of X against Y from the same histograms. Null when either
 * sample is empty.
 */
export function compareTwoSamples(x: readonly number[], y: readonly number[]): TwoSampleComparison | null {
	const test = mannWhitneyU(x, y);
	if (test === null) return null;
	const delta = (test.uX - test.uY) / (test.nX * test.nY);
	const magnitude = cliffsDeltaMagnitude(delta);
	return { ...test, delta, magnitude, sizeWord: EFFECT_SIZE_WORDS[magnitude] };
}
