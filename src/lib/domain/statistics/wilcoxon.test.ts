import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank, wilcoxonSignedRankFromCounts } from './wilcoxon';

/** Exact two-sided p by enumerating all 2^n sign patterns of the ranks 1..n (no ties). */
function enumeratedExactP(differences: readonly number[]): number {
	const n = differences.length;
	const order = [...differences].map(Math.abs).sort((a, b) => a - b);
	const observed = differences.reduce((sum, d) => (d > 0 ? sum + order.indexOf(Math.abs(d)) + 1 : sum), 0);
	let atOrBelow = 0;
	let atOrAbove = 0;
	for (let pattern = 0; pattern < 2 ** n; pattern += 1) {
		let positive = 0;
		for (let rank = 1; rank <= n; rank += 1) if (pattern & (1 << (rank - 1))) positive += rank;
		if (positive <= observed) atOrBelow += 1;
		if (positive >= observed) atOrAbove += 1;
	}
	return Math.min(1, (2 * Math.min(atOrBelow, atOrAbove)) / 2 ** n);
}

describe('wilcoxonSignedRank', () => {
	it('reproduces the worked example with a zero and a tie (normal approximation)', () => {
		// Wikipedia "Wilcoxon signed-rank test", x2 − x1 for 10 pairs:
		// 15, −7, 5, 20, 0, −9, 17, −12, 5, −10 → drop the 0 (n = 9); |d| ranks: 5,5 → 1.5 each,
		// 7 → 3, 9 → 4, 10 → 5, 12 → 6, 15 → 7, 17 → 8, 20 → 9.
		// W+ = 7 + 1.5 + 9 + 8 + 1.5 = 27, W− = 3 + 4 + 6 + 5 = 18.
		// E = 9·10/4 = 22.5; Var = 9·10·19/24 − (2³ − 2)/48 = 71.25 − 0.125 = 71.125
		// z = (27 − 22.5 − 0.5)/√71.125 = 0.474297…; p = 0.6352893188352069
		// (= erfc(z/√2), Python; R wilcox.test(x2, x1, paired = TRUE) gives V = 27, p = 0.6353)
		const result = wilcoxonSignedRank([15, -7, 5, 20, 0, -9, 17, -12, 5, -10]);
		expect(result).toMatchObject({ n: 9, droppedZeros: 1, positiveRankSum: 27, negativeRankSum: 18, method: 'normal' });
		expect(result?.z).toBeCloseTo(4 / Math.sqrt(71.125), 14);
		expect(result?.pValue).toBeCloseTo(0.6352893188352069, 10);
	});

	it('gives the exact p for n = 6: subsets of {1..6} with sum ≤ 2 are {}, {1}, {2} → 2·3/64', () => {
		const result = wilcoxonSignedRank([1, -2, 3, 4, 5, 6]);
		expect(result).toMatchObject({ method: 'exact', positiveRankSum: 19, negativeRankSum: 2, z: null });
		expect(result?.pValue).toBe(0.09375);
	});

	it('gives the exact p at the tabled critical value T = 8 for n = 10', () => {
		// Subsets of {1..10} with sum ≤ 8: 1+1+1+2+2+3+4+5+6 = 25 (for sums 0..8) → 2·25/1024
		const result = wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, -8, 9, 10]);
		expect(result?.negativeRankSum).toBe(8);
		expect(result?.pValue).toBe(50 / 1024);
	});

	it('gives 2/2^n when every difference has the same sign', () => {
		expect(wilcoxonSignedRank([3, 1, 4, 1.5, 5, 9, 2, 6])?.pValue).toBe(2 / 256);
		expect(wilcoxonSignedRank([-7])?.pValue).toBe(1);
	});

	it('uses the normal approximation above n = 20 even without ties', () => {
		// n = 25, negative ranks 1..10: W− = 55, W+ = 325 − 55 = 270. E = 162.5,
		// Var = 25·26·51/24 = 1381.25; z = (270 − 162.5 − 0.5)/√1381.25 = 2.87904…;
		// p = 0.003988882964141765 (erfc(z/√2), Python)
		const differences = [...Array.from({ length: 15 }, (_, i) => i + 11), ...Array.from({ length: 10 }, (_, i) => -(i + 1))];
		const result = wilcoxonSignedRank(differences);
		expect(result).toMatchObject({ n: 25, positiveRankSum: 270, negativeRankSum: 55, method: 'normal' });
		expect(result?.z).toBeCloseTo(107 / Math.sqrt(1381.25), 14);
		expect(result?.pValue).toBeCloseTo(0.003988882964141765, 10);
	});

	it('has nothing to test when every difference is zero', () => {
		expect(wilcoxonSignedRank([0, 0, 0])).toBeNull();
		expect(wilcoxonSignedRank([])).toBeNull();
		expect(() => wilcoxonSignedRank([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
	});

	it('matches enumeration over all sign patterns for small untied samples', () => {
		const differences = fc
			.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 })
			.chain((magnitudes) =>
				fc.tuple(...magnitudes.map((magnitude) => fc.constantFrom(magnitude, -magnitude)))
			);
		fc.assert(
			fc.property(differences, (values) => {
				const result = wilcoxonSignedRank(values);
				expect(result?.method).toBe('exact');
				expect(result?.pValue).toBeCloseTo(enumeratedExactP(values), 14);
			})
		);
	});

	it('is symmetric in the sign of the differences and keeps W+ + W− = n(n + 1)/2', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 40 }), (values) => {
				const result = wilcoxonSignedRank(values);
				const mirrored = wilcoxonSignedRank(values.map((value) => -value));
				if (result === null) {
					expect(mirrored).toBeNull();
					return;
				}
				expect(result.positiveRankSum + result.negativeRankSum).toBe((result.n * (result.n + 1)) / 2);
				expect(mirrored?.positiveRankSum).toBe(result.negativeRankSum);
				expect(mirrored?.pValue).toBeCloseTo(result.pValue, 14);
				expect(result.pValue).toBeGreaterThan(0);
				expect(result.pValue).toBeLessThanOrEqual(1);
			})
		);
	});
});

describe('wilcoxonSignedRankFromCounts', () => {
	it('reproduces a hand calculation for 21 tied differences of ±1 (normal approximation)', () => {
		// 15 × (+1), 6 × (−1), 4 × 0 → n = 21, every |d| = 1 shares rank 11; W+ = 165, W− = 66.
		// E = 21·22/4 = 115.5; Var = 21·22·43/24 − (21³ − 21)/48 = 827.75 − 192.5 = 635.25
		// z = (165 − 115.5 − 0.5)/√635.25 = 1.944123…; p = erfc(z/√2) = 0.051880617644501706 (Python)
		const result = wilcoxonSignedRankFromCounts(new Map([[1, 15], [-1, 6], [0, 4]]));
		expect(result).toMatchObject({ n: 21, droppedZeros: 4, positiveRankSum: 165, negativeRankSum: 66, method: 'normal' });
		expect(result?.pValue).toBeCloseTo(0.051880617644501706, 10);
	});

	it('uses the same path as the expanded differences for few pairs', () => {
		// +1, +1, +1, −1, +2: ranks of |1| = 2.5, |2| = 5 → W+ = 12.5; tie → normal:
		// Var = 5·6·11/24 − (4³ − 4)/48 = 12.5, z = (12.5 − 7.5 − 0.5)/√12.5; p = 0.20309178757716792 (Python)
		const result = wilcoxonSignedRankFromCounts(new Map([[1, 3], [-1, 1], [2, 1]]));
		expect(result).toMatchObject({ n: 5, positiveRankSum: 12.5, method: 'normal' });
		expect(result?.pValue).toBeCloseTo(0.20309178757716792, 10);
		expect(wilcoxonSignedRankFromCounts(new Map([[0, 7]]))).toBeNull();
	});

	it('equals the test on the expanded differences (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 40 })), { maxLength: 9 }), (entries) => {
				const counts = new Map<number, number>();
				for (const [difference, count] of entries) counts.set(difference, (counts.get(difference) ?? 0) + count);
				const expanded = [...counts].flatMap(([difference, count]) => Array.from({ length: count }, () => difference));
				const fromCounts = wilcoxonSignedRankFromCounts(counts);
				const direct = wilcoxonSignedRank(expanded);
				if (direct === null) return fromCounts === null;
				expect(fromCounts).not.toBeNull();
				expect(fromCounts!.n).toBe(direct.n);
				expect(fromCounts!.method).toBe(direct.method);
				expect(fromCounts!.positiveRankSum).toBeCloseTo(direct.positiveRankSum, 9);
				expect(fromCounts!.pValue).toBeCloseTo(direct.pValue, 12);
				return true;
			})
		);
	});
});
