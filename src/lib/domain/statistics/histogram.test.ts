import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	EMPTY_HISTOGRAM,
	createHistogram,
	histogramFromAnswers,
	ratedCount,
	sumHistograms,
	type RatingAnswer
} from './histogram';

const answersArbitrary = fc.array(fc.constantFrom<RatingAnswer>(1, 2, 3, 4, 5, 'dontKnow'), { maxLength: 60 });

describe('createHistogram', () => {
	it('keeps the counts of 1..5 and the dontKnow count', () => {
		expect(createHistogram([1, 0, 2, 0, 3], 4)).toEqual({ counts: [1, 0, 2, 0, 3], dontKnow: 4 });
	});

	it.each([
		[[1, 2, 3, 4], 0],
		[[1, 2, 3, 4, 5, 6], 0],
		[[1, -1, 0, 0, 0], 0],
		[[1, 0.5, 0, 0, 0], 0],
		[[0, 0, 0, 0, 0], -2]
	])('rejects counts %j with dontKnow %d', (counts, dontKnow) => {
		expect(() => createHistogram(counts, dontKnow)).toThrow(RangeError);
	});
});

describe('histogramFromAnswers and ratedCount', () => {
	it('counts ratings apart from "don\'t know"', () => {
		const histogram = histogramFromAnswers([5, 'dontKnow', 1, 5, 3, 'dontKnow', 5]);
		expect(histogram).toEqual({ counts: [1, 0, 1, 0, 3], dontKnow: 2 });
		expect(ratedCount(histogram)).toBe(5);
	});
});

describe('sumHistograms', () => {
	it('adds groups cell by cell', () => {
		const total = sumHistograms([createHistogram([1, 2, 3, 4, 5], 1), createHistogram([0, 1, 0, 1, 0], 2)]);
		expect(total).toEqual({ counts: [1, 3, 3, 5, 5], dontKnow: 3 });
	});

	it('is the empty histogram for no groups', () => {
		expect(sumHistograms([])).toEqual(EMPTY_HISTOGRAM);
	});

	it('equals the histogram of all answers pooled', () => {
		fc.assert(
			fc.property(fc.array(answersArbitrary, { maxLength: 6 }), (groups) => {
				expect(sumHistograms(groups.map((answers) => histogramFromAnswers(answers)))).toEqual(
					histogramFromAnswers(groups.flat())
				);
			})
		);
	});
});
