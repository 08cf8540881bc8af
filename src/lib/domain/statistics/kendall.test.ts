import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallsW } from './kendall';

/*
 * Worked example, 3 raters × 4 items, rater C ties items 1 and 2:
 *   A: 1   2   3 4
 *   B: 1   3   2 4
 *   C: 1.5 1.5 3 4
 * Rank sums R = 3.5, 6.5, 8, 12 (total 30 = m·n(n + 1)/2); mean m(n + 1)/2 = 7.5;
 * S = 4² + 1² + 0.5² + 4.5² = 37.5; Σ(t³ − t) = 2³ − 2 = 6;
 * W = 12·37.5 / (3²·(4³ − 4) − 3·6) = 450 / 522 = 25/29 ≈ 0.8621;
 * χ² = m(n − 1)W = 9·25/29 = 225/29 ≈ 7.7586 with 3 df. For 3 df the tail has the closed form
 * erfc(√(x/2)) + √(2x/π)·e^(−x/2) = 0.05127280033381569 (evaluated with Python's math.erfc;
 * R's friedman.test on the same ranks reports the same χ² and p = 0.05127).
 */
const ranks = [
	[1, 2, 3, 4],
	[1, 3, 2, 4],
	[1.5, 1.5, 3, 4]
];

/** Pearson correlation of two rankings (= Spearman's ρ for untied ranks). */
function spearman(a: readonly number[], b: readonly number[]): number {
	const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
	const meanA = mean(a);
	const meanB = mean(b);
	let covariance = 0;
	let varianceA = 0;
	let varianceB = 0;
	a.forEach((value, index) => {
		covariance += (value - meanA) * (b[index] - meanB);
		varianceA += (value - meanA) ** 2;
		varianceB += (b[index] - meanB) ** 2;
	});
	return covariance / Math.sqrt(varianceA * varianceB);
}

describe('kendallsW', () => {
	it('reproduces the worked example with a tie', () => {
		const result = kendallsW(ranks);
		expect(result?.raters).toBe(3);
		expect(result?.items).toBe(4);
		expect(result?.w).toBeCloseTo(25 / 29, 14);
		expect(result?.chiSquared).toBeCloseTo(225 / 29, 13);
		expect(result?.degreesOfFreedom).toBe(3);
		expect(result?.pValue).toBeCloseTo(0.05127280033381569, 10);
	});

	it('ranks scores first (average ranks for tied scores), in either direction', () => {
		// Same orderings as importance scores: higher score = rank 4 here; C scores items 1 and 2 alike.
		const scores = [
			[1.2, 2.0, 3.1, 4.8],
			[1.0, 4.0, 2.5, 5.0],
			[2.0, 2.0, 3.0, 3.5]
		];
		expect(kendallsW(scores)?.w).toBeCloseTo(25 / 29, 14);
		const reversed = scores.map((row) => row.map((score) => -score));
		expect(kendallsW(reversed)?.w).toBeCloseTo(25 / 29, 14);
	});

	it('is 1 for identical rankings and 0 for two opposite ones', () => {
		expect(kendallsW([[1, 2, 3], [1, 2, 3], [1, 2, 3]])?.w).toBeCloseTo(1, 14);
		const opposite = kendallsW([
			[1, 2, 3, 4],
			[4, 3, 2, 1]
		]);
		expect(opposite?.w).toBeCloseTo(0, 14);
		expect(opposite?.pValue).toBeCloseTo(1, 12);
	});

	it('is undefined when no rater distinguishes any items', () => {
		expect(kendallsW([[2, 2, 2], [5, 5, 5]])).toBeNull();
	});

	it('rejects too few raters or items, ragged rows and non-numbers', () => {
		expect(() => kendallsW([[1, 2, 3]])).toThrow(RangeError);
		expect(() => kendallsW([[1], [1]])).toThrow(RangeError);
		expect(() => kendallsW([[1, 2, 3], [1, 2]])).toThrow(RangeError);
		expect(() => kendallsW([[1, 2, Number.NaN], [1, 2, 3]])).toThrow(RangeError);
	});

	it('relates to the mean pairwise Spearman ρ as W = ((m − 1)·ρ̄ + 1) / m without ties', () => {
		const permutation = (n: number) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i + 1), { minLength: n, maxLength: n });
		const arbitrary = fc
			.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 3, max: 8 }))
			.chain(([m, n]) => fc.array(permutation(n), { minLength: m, maxLength: m }));
		fc.assert(
			fc.property(arbitrary, (rankings) => {
				const m = rankings.length;
				const correlations: number[] = [];
				rankings.forEach((a, i) => rankings.slice(i + 1).forEach((b) => correlations.push(spearman(a, b))));
				const meanRho = correlations.reduce((sum, rho) => sum + rho, 0) / correlations.length;
				expect(kendallsW(rankings)?.w).toBeCloseTo(((m - 1) * meanRho + 1) / m, 12);
			})
		);
	});
});
