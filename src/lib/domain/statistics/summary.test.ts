import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHistogram, histogramFromAnswers, sumHistograms, type Rating, type RatingAnswer } from './histogram';
import { DEFAULT_CONSENSUS_RULE, hasConsensus, summarizeHistogram } from './summary';

// 1,2,2,3,3,3,4,4,5,5 and 3 × "don't know"
const tenRatings = createHistogram([1, 2, 3, 2, 2], 3);

describe('summarizeHistogram', () => {
	it('computes the figures of a hand-worked example (type 7)', () => {
		const summary = summarizeHistogram(tenRatings);
		expect(summary.n).toBe(10);
		expect(summary.dontKnow).toBe(3);
		// mean = 32 / 10
		expect(summary.mean).toBeCloseTo(3.2, 14);
		// Σ(x − 3.2)² = 4.84 + 2·1.44 + 3·0.04 + 2·0.64 + 2·3.24 = 15.6; sd = √(15.6 / 9)
		expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(15.6 / 9), 14);
		expect(summary.median).toBe(3);
		expect(summary.firstQuartile).toBe(2.25);
		expect(summary.thirdQuartile).toBe(4);
		expect(summary.interquartileRange).toBe(1.75);
		// ratings 4 or 5: 2 + 2 of 10
		expect(summary.agreementShare).toBe(0.4);
		expect(summary.quantileType).toBe(7);
	});

	it('uses type 6 quartiles on request (R: quantile(x, type = 6) gives 2 and 4.25)', () => {
		const summary = summarizeHistogram(tenRatings, { quantileType: 6 });
		expect(summary.firstQuartile).toBe(2);
		expect(summary.thirdQuartile).toBe(4.25);
		expect(summary.interquartileRange).toBe(2.25);
		expect(summary.median).toBe(3);
		expect(summary.quantileType).toBe(6);
	});

	it('has no figures without ratings, and no standard deviation for one rating', () => {
		const empty = summarizeHistogram(createHistogram([0, 0, 0, 0, 0], 4));
		expect(empty).toEqual({
			n: 0,
			dontKnow: 4,
			mean: null,
			standardDeviation: null,
			median: null,
			firstQuartile: null,
			thirdQuartile: null,
			interquartileRange: null,
			agreementShare: null,
			quantileType: 7
		});
		const single = summarizeHistogram(histogramFromAnswers([2]));
		expect(single.mean).toBe(2);
		expect(single.standardDeviation).toBeNull();
		expect(single.interquartileRange).toBe(0);
	});

	it('equals the textbook formulas applied to the expanded ratings', () => {
		const ratingsArbitrary = fc.array(fc.constantFrom<Rating>(1, 2, 3, 4, 5), { minLength: 2, maxLength: 60 });
		fc.assert(
			fc.property(ratingsArbitrary, (ratings) => {
				const n = ratings.length;
				const mean = ratings.reduce((sum, value) => sum + value, 0) / n;
				const variance = ratings.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
				const agreeing = ratings.filter((value) => value >= 4).length;
				const summary = summarizeHistogram(histogramFromAnswers(ratings));
				expect(summary.n).toBe(n);
				expect(summary.mean).toBeCloseTo(mean, 12);
				expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(variance), 12);
				expect(summary.agreementShare).toBeCloseTo(agreeing / n, 14);
			})
		);
	});

	it('summarizes summed group histograms like the pooled answers', () => {
		const groupArbitrary = fc.array(fc.constantFrom<RatingAnswer>(1, 2, 3, 4, 5, 'dontKnow'), { maxLength: 30 });
		fc.assert(
			fc.property(fc.array(groupArbitrary, { minLength: 1, maxLength: 5 }), (groups) => {
				const summed = summarizeHistogram(sumHistograms(groups.map((answers) => histogramFromAnswers(answers))));
				expect(summed).toEqual(summarizeHistogram(histogramFromAnswers(groups.flat())));
			})
		);
	});
});

describe('hasConsensus', () => {
	it('requires IQR ≤ 1 and at least 70 % agreement by default', () => {
		expect(DEFAULT_CONSENSUS_RULE).toEqual({ maxIqr: 1, minAgreement: 0.7 });
		// 3,4,4,4,4,4,5,5,5,5: IQR(type 7) = 5 − 4 = 1, agreement 9/10
		expect(hasConsensus(summarizeHistogram(createHistogram([0, 0, 1, 5, 4])))).toBe(true);
		// exactly 7 of 10 agree: 3,3,3,4,4,4,4,4,4,4 → Q1 h = 3.25 → 3.25, Q3 = 4, IQR 0.75
		expect(hasConsensus(summarizeHistogram(createHistogram([0, 0, 3, 7, 0])))).toBe(true);
		// 6 of 10 agree: not enough
		expect(hasConsensus(summarizeHistogram(createHistogram([0, 0, 4, 6, 0])))).toBe(false);
		// 1,1,1,4,4,4,5,5,5,5,5: agreement 8/11, but Q1 h = 3.5 → 1 + 0.5·3 = 2.5, Q3 = 5, IQR 2.5
		expect(hasConsensus(summarizeHistogram(createHistogram([3, 0, 0, 3, 5])))).toBe(false);
	});

	it('can depend on the quantile type', () => {
		// 3,5,5,5 (agreement 0.75). Type 7: Q1 h = 1.75 → 3 + 0.75·2 = 4.5, Q3 h = 3.25 → 5, IQR 0.5.
		// Type 6: Q1 h = 1.25 → 3 + 0.25·2 = 3.5, Q3 h = 3.75 → 5, IQR 1.5.
		const ratings = histogramFromAnswers([3, 5, 5, 5]);
		expect(hasConsensus(summarizeHistogram(ratings, { quantileType: 7 }))).toBe(true);
		expect(hasConsensus(summarizeHistogram(ratings, { quantileType: 6 }))).toBe(false);
	});

	it('follows a custom rule', () => {
		const summary = summarizeHistogram(createHistogram([0, 0, 4, 6, 0]));
		expect(hasConsensus(summary, { maxIqr: 1, minAgreement: 0.6 })).toBe(true);
		expect(hasConsensus(summary, { maxIqr: 0, minAgreement: 0.6 })).toBe(false);
	});

	it('is undecided without ratings and rejects invalid rules', () => {
		expect(hasConsensus(summarizeHistogram(createHistogram([0, 0, 0, 0, 0], 2)))).toBeNull();
		const summary = summarizeHistogram(tenRatings);
		expect(() => hasConsensus(summary, { maxIqr: -1, minAgreement: 0.7 })).toThrow(RangeError);
		expect(() => hasConsensus(summary, { maxIqr: 1, minAgreement: 70 })).toThrow(RangeError);
	});
});
