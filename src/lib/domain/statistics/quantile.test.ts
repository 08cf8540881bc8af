import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHistogram, histogramFromAnswers, type Rating } from './histogram';
import { quantileFromHistogram, type QuantileType } from './quantile';

/**
 * Reference: a transliteration of R's quantile.default (R 4.x) for types 6 and 7 over a sorted
 * array, including R's fuzz for type 6 and its (1 − h)·x[j] + h·x[j + 1] interpolation.
 */
function referenceQuantile(values: readonly number[], probability: number, type: QuantileType): number {
	const x = [...values].sort((a, b) => a - b);
	const n = x.length;
	if (type === 7) {
		const index = 1 + (n - 1) * probability;
		const lo = Math.floor(index);
		const hi = Math.ceil(index);
		const h = index - lo;
		return h === 0 || x[lo - 1] === x[hi - 1] ? x[lo - 1] : (1 - h) * x[lo - 1] + h * x[hi - 1];
	}
	const fuzz = 4 * 2.220446049250313e-16;
	const nppm = probability * (n + 1);
	const j = Math.floor(nppm + fuzz);
	let h = nppm - j;
	if (Math.abs(h) < fuzz) h = 0;
	const padded = [x[0], x[0], ...x, x[n - 1], x[n - 1]];
	const lower = padded[j + 1];
	const upper = padded[j + 2];
	if (h === 1) return upper;
	return h > 0 && h < 1 && lower !== upper ? (1 - h) * lower + h * upper : lower;
}

// 1,2,2,3,3,3,4,4,5,5 (n = 10)
const tenRatings = createHistogram([1, 2, 3, 2, 2]);

describe('quantileFromHistogram', () => {
	it('matches R type 7 by hand: h = (n − 1)p + 1', () => {
		// Q1: h = 9·0.25 + 1 = 3.25 → x3 + 0.25·(x4 − x3) = 2 + 0.25·1 = 2.25
		expect(quantileFromHistogram(tenRatings, 0.25, 7)).toBe(2.25);
		// median: h = 5.5 → x5 = x6 = 3
		expect(quantileFromHistogram(tenRatings, 0.5, 7)).toBe(3);
		// Q3: h = 7.75 → x7 = x8 = 4
		expect(quantileFromHistogram(tenRatings, 0.75, 7)).toBe(4);
	});

	it('matches R type 6 by hand: h = (n + 1)p', () => {
		// Q1: h = 11·0.25 = 2.75 → x2 = x3 = 2
		expect(quantileFromHistogram(tenRatings, 0.25, 6)).toBe(2);
		// median: h = 5.5 → 3
		expect(quantileFromHistogram(tenRatings, 0.5, 6)).toBe(3);
		// Q3: h = 8.25 → x8 + 0.25·(x9 − x8) = 4 + 0.25 = 4.25
		expect(quantileFromHistogram(tenRatings, 0.75, 6)).toBe(4.25);
	});

	it('uses type 7 by default', () => {
		expect(quantileFromHistogram(tenRatings, 0.25)).toBe(2.25);
	});

	it('clamps type 6 to the minimum and maximum at the ends', () => {
		// 2, 4, 5: p = 0.1 → h = 0.4 < 1 → x1 = 2; p = 0.9 → h = 3.6 > n → x3 = 5
		const three = histogramFromAnswers([2, 4, 5]);
		expect(quantileFromHistogram(three, 0.1, 6)).toBe(2);
		expect(quantileFromHistogram(three, 0.9, 6)).toBe(5);
		// type 7 interpolates instead: p = 0.25 → h = 1.5 → 3; p = 0.75 → h = 2.5 → 4.5
		expect(quantileFromHistogram(three, 0.25, 7)).toBe(3);
		expect(quantileFromHistogram(three, 0.75, 7)).toBe(4.5);
	});

	it('snaps (n + 1)p to an integer within R\'s fuzz (type 6)', () => {
		// n = 9, p = 0.1 + 0.2 = 0.30000000000000004: (n + 1)p = 3.0000000000000004, which R treats
		// as 3 → x3 = 1 exactly (not 1 + 4.4e-16·(x4 − x3)).
		const nine = createHistogram([3, 6, 0, 0, 0]);
		expect(quantileFromHistogram(nine, 0.1 + 0.2, 6)).toBe(1);
	});

	it('gives the single value for n = 1 and null for n = 0', () => {
		const one = histogramFromAnswers([4, 'dontKnow']);
		for (const type of [6, 7] as const) {
			expect(quantileFromHistogram(one, 0.25, type)).toBe(4);
			expect(quantileFromHistogram(histogramFromAnswers(['dontKnow']), 0.5, type)).toBeNull();
		}
	});

	it('rejects probabilities outside [0, 1]', () => {
		expect(() => quantileFromHistogram(tenRatings, 1.5)).toThrow(RangeError);
		expect(() => quantileFromHistogram(tenRatings, Number.NaN)).toThrow(RangeError);
	});

	it('equals the sorted-array definition for random data', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { minLength: 1, maxLength: 80 }),
				fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true })),
				fc.constantFrom<QuantileType>(6, 7),
				(ratings, probability, type) => {
					const expected = referenceQuantile(ratings, probability, type);
					expect(quantileFromHistogram(histogramFromAnswers(ratings), probability, type)).toBeCloseTo(expected, 12);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
