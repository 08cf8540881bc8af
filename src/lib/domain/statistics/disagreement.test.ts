import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	cliffsDelta,
	cliffsDeltaMagnitude,
	largestCliffsDelta,
	largestMedianDifference,
	type GroupRatings
} from './disagreement';
import { EMPTY_HISTOGRAM, histogramFromAnswers, type Rating } from './histogram';

const group = (name: string, ratings: Rating[]): GroupRatings => ({ group: name, histogram: histogramFromAnswers(ratings) });

/** Cliff (1993): δ = (#{x > y} − #{x < y}) / (n·m) over all pairs, counted one by one. */
function bruteForceDelta(xs: readonly number[], ys: readonly number[]): number {
	let dominance = 0;
	for (const x of xs) for (const y of ys) dominance += Math.sign(x - y);
	return dominance / (xs.length * ys.length);
}

const ratingsArbitrary = fc.array(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { minLength: 1, maxLength: 40 });

describe('cliffsDelta', () => {
	it('matches a hand count', () => {
		// X = {1, 2, 3}, Y = {2, 2, 4}. x = 1: −3; x = 2: 0, 0, −1; x = 3: +1, +1, −1 → −3 / 9
		expect(cliffsDelta(histogramFromAnswers([1, 2, 3]), histogramFromAnswers([2, 2, 4]))).toBeCloseTo(-1 / 3, 14);
	});

	it('is ±1 for separated groups and 0 for identical ones', () => {
		const high = histogramFromAnswers([4, 5, 5]);
		const low = histogramFromAnswers([1, 2, 3, 3]);
		expect(cliffsDelta(high, low)).toBe(1);
		expect(cliffsDelta(low, high)).toBe(-1);
		expect(cliffsDelta(low, low)).toBe(0);
	});

	it('ignores "don\'t know" and is null without ratings', () => {
		expect(cliffsDelta(histogramFromAnswers([5, 'dontKnow']), histogramFromAnswers([1, 'dontKnow']))).toBe(1);
		expect(cliffsDelta(histogramFromAnswers(['dontKnow']), histogramFromAnswers([3]))).toBeNull();
	});

	it('equals the pairwise count over the expanded ratings and is antisymmetric', () => {
		fc.assert(
			fc.property(ratingsArbitrary, ratingsArbitrary, (xs, ys) => {
				const delta = cliffsDelta(histogramFromAnswers(xs), histogramFromAnswers(ys));
				expect(delta).toBeCloseTo(bruteForceDelta(xs, ys), 14);
				expect(cliffsDelta(histogramFromAnswers(ys), histogramFromAnswers(xs))).toBeCloseTo(-(delta ?? 0), 14);
			})
		);
	});
});

describe('cliffsDeltaMagnitude', () => {
	it.each([
		[0, 'negligible'],
		[0.146, 'negligible'],
		[0.147, 'small'],
		[-0.329, 'small'],
		[0.33, 'medium'],
		[0.473, 'medium'],
		[0.474, 'large'],
		[-1, 'large']
	])('labels %f as %s (Romano et al. 2006)', (delta, label) => {
		expect(cliffsDeltaMagnitude(delta)).toBe(label);
	});
});

describe('largestMedianDifference', () => {
	it('finds the two groups whose medians differ most', () => {
		const result = largestMedianDifference([
			group('verwaltung', [2, 2, 3]), // median 2
			group('politik', [3, 4]), // median 3.5
			group('buerger', [4, 4, 5, 5, 3]), // median 4
			{ group: 'niemand', histogram: histogramFromAnswers(['dontKnow']) }
		]);
		expect(result).toEqual({ higherGroup: 'buerger', lowerGroup: 'verwaltung', difference: 2 });
	});

	it('keeps the first pair on ties and needs two groups with ratings', () => {
		const result = largestMedianDifference([group('a', [3]), group('b', [3]), group('c', [3])]);
		expect(result).toEqual({ higherGroup: 'a', lowerGroup: 'b', difference: 0 });
		expect(largestMedianDifference([group('a', [3]), { group: 'b', histogram: EMPTY_HISTOGRAM }])).toBeNull();
	});
});

describe('largestCliffsDelta', () => {
	it('finds the pair with the largest |delta|, oriented so that delta ≥ 0', () => {
		// A = {4,5,5}, B = {2,3,4}, C = {3,4,4}
		// δ(A,B): 4 → +1 +1 0; 5 → +3; 5 → +3 = 8/9.   δ(A,C): 4 → +1 0 0; 5 → +3; 5 → +3 = 7/9.
		// δ(B,C): 2 → −3; 3 → 0 −1 −1; 4 → +1 0 0 = −4/9.
		const result = largestCliffsDelta([group('b', [2, 3, 4]), group('a', [4, 5, 5]), group('c', [3, 4, 4])]);
		expect(result?.higherGroup).toBe('a');
		expect(result?.lowerGroup).toBe('b');
		expect(result?.delta).toBeCloseTo(8 / 9, 14);
		expect(result?.magnitude).toBe('large');
	});

	it('needs two groups with ratings', () => {
		expect(largestCliffsDelta([group('a', [1]), { group: 'b', histogram: EMPTY_HISTOGRAM }])).toBeNull();
	});
});
