import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, logGamma, regularizedUpperGamma, standardNormalTwoSidedP } from './gamma';

describe('logGamma', () => {
	it('matches known values of Γ', () => {
		expect(logGamma(1)).toBeCloseTo(0, 13);
		expect(logGamma(2)).toBeCloseTo(0, 13);
		// Γ(1/2) = √π
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
		// Γ(10) = 9! = 362880
		expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
		// Γ(0.25) = 3.625609908221908… (Abramowitz & Stegun, table 6.1 via Γ(1.25) = 0.9064024771)
		expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 9);
	});

	it('rejects x ≤ 0', () => {
		expect(() => logGamma(0)).toThrow(RangeError);
	});
});

describe('chiSquareUpperTail', () => {
	// Critical values from published χ² tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4)
	it.each([
		[3.841, 1, 0.05, 4],
		[6.635, 1, 0.01, 4],
		[5.991, 2, 0.05, 4],
		[7.815, 3, 0.05, 4],
		[11.07, 5, 0.05, 4],
		[18.307, 10, 0.05, 4],
		[124.342, 100, 0.05, 4]
	])('P(χ² ≥ %f | df = %d) ≈ %f', (x, df, p, digits) => {
		expect(chiSquareUpperTail(x, df)).toBeCloseTo(p, digits);
	});

	it('reaches the full precision of the quantiles R prints with 16 digits', () => {
		// qchisq(0.95, 1) and qchisq(0.95, 5)
		expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
		expect(chiSquareUpperTail(11.070497693516351, 5)).toBeCloseTo(0.05, 12);
	});

	it('equals the closed forms for 2 and 4 degrees of freedom', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-6, max: 200, noNaN: true }), (x) => {
				// df = 2: e^(−x/2); df = 4: e^(−x/2)(1 + x/2)
				expect(chiSquareUpperTail(x, 2)).toBeCloseTo(Math.exp(-x / 2), 13);
				expect(chiSquareUpperTail(x, 4)).toBeCloseTo(Math.exp(-x / 2) * (1 + x / 2), 13);
			})
		);
	});

	it('keeps relative precision far in the tail', () => {
		// df = 2 at x = 100: e^−50 = 1.9287498479639178e−22
		expect(chiSquareUpperTail(100, 2) / Math.exp(-50)).toBeCloseTo(1, 12);
	});

	it('is 1 at x ≤ 0 and rejects non-positive degrees of freedom', () => {
		expect(chiSquareUpperTail(0, 3)).toBe(1);
		expect(chiSquareUpperTail(-2, 3)).toBe(1);
		expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError);
	});
});

describe('regularizedUpperGamma', () => {
	it('equals e^(−x) for a = 1 on both sides of the series/continued-fraction switch', () => {
		for (const x of [0.1, 1.9, 2.1, 30]) expect(regularizedUpperGamma(1, x)).toBeCloseTo(Math.exp(-x), 14);
		expect(regularizedUpperGamma(1, 0)).toBe(1);
	});

	it('rejects a ≤ 0 and x < 0', () => {
		expect(() => regularizedUpperGamma(0, 1)).toThrow(RangeError);
		expect(() => regularizedUpperGamma(1, -1)).toThrow(RangeError);
	});
});

describe('standardNormalTwoSidedP', () => {
	it('matches the normal table: z = 1.96 → 0.05, z = 2.5758 → 0.01, z = 0 → 1', () => {
		expect(standardNormalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
		expect(standardNormalTwoSidedP(-2.5758293035489)).toBeCloseTo(0.01, 12);
		expect(standardNormalTwoSidedP(0)).toBe(1);
	});
});
