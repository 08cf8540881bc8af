import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliffsDelta } from './disagreement';
import { createHistogram } from './histogram';
import { averageRanks, tieCorrectionSum } from './ranks';
import { compareTwoSamples, EFFECT_SIZE_WORDS, mannWhitneyU } from './two-samples';

/*
 * Reference values: the histograms expanded to single ratings (counts [a, b, …] → a ones, b twos,
 * …) and tested with R's wilcox.test(x, y, exact = FALSE, correct = TRUE); here computed with the
 * same normal approximation in SciPy 1.17.1:
 *   scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative='two-sided', method='asymptotic')
 * whose statistic is R's W (= U of x) and whose p is R's p-value.
 */

/** U of x by counting every pair of one rating from each sample (the definition). */
function pairCountU(x: readonly number[], y: readonly number[]): number {
	let u = 0;
	x.forEach((xCount, xPoint) => y.forEach((yCount, yPoint) => {
		if (xPoint > yPoint) u += xCount * yCount;
		if (xPoint === yPoint) u += (xCount * yCount) / 2;
	}));
	return u;
}

const expand = (counts: readonly number[]) => counts.flatMap((count, point) => Array.from({ length: count }, () => point + 1));

describe('mannWhitneyU', () => {
	it('reproduces a small example computed by hand', () => {
		// x = 2, 3, 3, 4 and y = 1, 2, 2, 3 (counts over 1..5). Pooled, N = 8: the 1 gets rank 1,
		// the three 2s ranks 2–4 → 3, the three 3s ranks 5–7 → 6, the 4 rank 8.
		// R_x = 3 + 6 + 6 + 8 = 23, U_x = 23 − 4·5/2 = 13, U_y = 16 − 13 = 3.
		// Pairs: x > y 11 times, x < y once (2 < 3), 4 ties → U_x = 11 + 4/2 = 13, δ = (11 − 1)/16 = 0.625.
		// E(U) = 8; Σ(t³ − t) = 24 + 24 = 48; Var = 16/12 · (9 − 48/56) = 10.857142857…
		// z = (13 − 8 − 0.5)/√10.857… = 1.365703…; p = 0.1720337089218229 (SciPy, as R).
		const result = mannWhitneyU([0, 1, 2, 1, 0], [1, 2, 1, 0, 0]);
		expect(result).toMatchObject({ nX: 4, nY: 4, uX: 13, uY: 3 });
		expect(result?.z).toBeCloseTo(4.5 / Math.sqrt((16 / 12) * (9 - 48 / 56)), 14);
		expect(result?.pValue).toBeCloseTo(0.1720337089218229, 10);
	});

	it('matches R/SciPy for a follow-up whose ratings are higher, and is symmetric', () => {
		// x = follow-up [2, 5, 12, 18, 8] (n = 45), y = base [6, 14, 15, 7, 3] (n = 45):
		// W = 1442, p = 0.000355401066470413; swapped: W = 583 (= 45·45 − 1442), same p.
		const forward = mannWhitneyU([2, 5, 12, 18, 8], [6, 14, 15, 7, 3]);
		expect(forward).toMatchObject({ uX: 1442, uY: 583 });
		expect(forward?.pValue).toBeCloseTo(0.000355401066470413, 12);
		const backward = mannWhitneyU([6, 14, 15, 7, 3], [2, 5, 12, 18, 8]);
		expect(backward).toMatchObject({ uX: 583, uY: 1442 });
		expect(backward?.z).toBeCloseTo(-forward!.z, 14);
		expect(backward?.pValue).toBeCloseTo(forward!.pValue, 14);
	});

	it('matches R/SciPy on a seven-point scale and at large n', () => {
		// [1, 0, 3, 4, 2, 5, 1] vs [2, 3, 3, 1, 0, 1, 0]: W = 130, p = 0.007950078239231365
		const seven = mannWhitneyU([1, 0, 3, 4, 2, 5, 1], [2, 3, 3, 1, 0, 1, 0]);
		expect(seven?.uX).toBe(130);
		expect(seven?.pValue).toBeCloseTo(0.007950078239231365, 12);
		// n = 2,000 each: W = 2206000, p = 3.717518099434788e-9
		const big = mannWhitneyU([120, 340, 800, 560, 180], [200, 420, 760, 480, 140]);
		expect(big?.uX).toBe(2_206_000);
		expect(big!.pValue / 3.717518099434788e-9).toBeCloseTo(1, 8);
	});

	it('gives p = 1 for identical histograms and when every rating is the same point', () => {
		// R: W = 392 = 28·28/2, p = 1 (the continuity correction is 0 at the mean).
		expect(mannWhitneyU([3, 7, 10, 6, 2], [3, 7, 10, 6, 2])).toMatchObject({ uX: 392, z: 0, pValue: 1 });
		// All ratings 4: no variance (R gives NaN) — nothing tells the samples apart.
		expect(mannWhitneyU([0, 0, 0, 6, 0], [0, 0, 0, 9, 0])).toMatchObject({ uX: 27, z: 0, pValue: 1 });
	});

	it('has nothing to compare when a sample is empty, and rejects malformed histograms', () => {
		expect(mannWhitneyU([0, 0, 0, 0, 0], [1, 2, 3, 4, 5])).toBeNull();
		expect(mannWhitneyU([1, 2, 3, 4, 5], [0, 0, 0, 0, 0])).toBeNull();
		expect(() => mannWhitneyU([1, 2, 3, 4, 5], [1, 2, 3])).toThrow(RangeError);
		expect(() => mannWhitneyU([1, -2, 3, 4, 5], [1, 2, 3, 4, 5])).toThrow(RangeError);
		expect(() => mannWhitneyU([1, 2.5, 3, 4, 5], [1, 2, 3, 4, 5])).toThrow(RangeError);
	});

	const histograms = (points: number) => fc.tuple(fc.array(fc.nat(30), { minLength: points, maxLength: points }), fc.array(fc.nat(30), { minLength: points, maxLength: points }));

	it('equals counting pairs, and the rank sum of the expanded samples', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 9 }).chain(histograms), ([x, y]) => {
				const result = mannWhitneyU(x, y);
				const nX = x.reduce((a, b) => a + b, 0);
				const nY = y.reduce((a, b) => a + b, 0);
				if (nX === 0 || nY === 0) {
					expect(result).toBeNull();
					return;
				}
				expect(result?.uX).toBeCloseTo(pairCountU(x, y), 9);
				expect(result!.uX + result!.uY).toBe(nX * nY);
				// Rank sum over the pooled single ratings, with the general tie correction.
				const pooled = [...expand(x), ...expand(y)];
				const ranks = averageRanks(pooled);
				const rankSumX = ranks.slice(0, nX).reduce((a, b) => a + b, 0);
				expect(result?.uX).toBeCloseTo(rankSumX - (nX * (nX + 1)) / 2, 9);
				const n = nX + nY;
				const variance = ((nX * nY) / 12) * (n + 1 - tieCorrectionSum(pooled) / (n * (n - 1)));
				if (variance > 0) {
					const deviation = result!.uX - (nX * nY) / 2;
					expect(result?.z).toBeCloseTo((deviation - Math.sign(deviation) * 0.5) / Math.sqrt(variance), 9);
				}
				expect(result!.pValue).toBeGreaterThan(0);
				expect(result!.pValue).toBeLessThanOrEqual(1);
			})
		);
	});
});

describe('compareTwoSamples', () => {
	it('gives Cliff’s delta and its size word from the same histograms', () => {
		expect(compareTwoSamples([0, 1, 2, 1, 0], [1, 2, 1, 0, 0])).toMatchObject({ delta: 0.625, magnitude: 'large', sizeWord: 'groß' });
		// 1442/2025·2 − 1 = 0.424197…: mittel
		const followUp = compareTwoSamples([2, 5, 12, 18, 8], [6, 14, 15, 7, 3]);
		expect(followUp?.delta).toBeCloseTo(2 * 1442 / 2025 - 1, 14);
		expect(followUp).toMatchObject({ magnitude: 'medium', sizeWord: 'mittel' });
		expect(compareTwoSamples([6, 14, 15, 7, 3], [2, 5, 12, 18, 8])?.delta).toBeCloseTo(-followUp!.delta, 14);
		expect(compareTwoSamples([3, 7, 10, 6, 2], [3, 7, 10, 6, 2])).toMatchObject({ delta: 0, sizeWord: 'vernachlässigbar' });
		expect(compareTwoSamples([0, 0, 0, 0, 0], [1, 0, 0, 0, 0])).toBeNull();
	});

	it('names the sizes at Romano et al.’s thresholds', () => {
		// x: 1000 ratings; y: one point. δ = (share above − share below).
		const sized = (above: number) => compareTwoSamples([0, 1000 - above, above], [0, 1000, 0])!;
		expect(sized(146)).toMatchObject({ sizeWord: 'vernachlässigbar' });
		expect(sized(147)).toMatchObject({ sizeWord: 'klein' });
		expect(sized(329)).toMatchObject({ sizeWord: 'klein' });
		expect(sized(330)).toMatchObject({ sizeWord: 'mittel' });
		expect(sized(473)).toMatchObject({ sizeWord: 'mittel' });
		expect(sized(474)).toMatchObject({ sizeWord: 'groß' });
		expect(Object.values(EFFECT_SIZE_WORDS)).toEqual(['vernachlässigbar', 'klein', 'mittel', 'groß']);
	});

	it('agrees with the direct Cliff’s delta over all pairs', () => {
		const counts = fc.array(fc.nat(25), { minLength: 5, maxLength: 5 });
		fc.assert(
			fc.property(counts, counts, (x, y) => {
				const direct = cliffsDelta(createHistogram(x), createHistogram(y));
				const result = compareTwoSamples(x, y);
				if (direct === null) {
					expect(result).toBeNull();
					return;
				}
				expect(result?.delta).toBeCloseTo(direct, 12);
			})
		);
	});
});
