import { describe, expect, it } from 'vitest';
import {
	coefficientOfVariation,
	coefficientOfVariationChange,
	compareDelphiRounds,
	ratingDifferences,
	shareOfChangedAnswers,
	type AnswerPair
} from './delphi';
import { createHistogram, histogramFromAnswers } from './histogram';

const pairs: AnswerPair[] = [
	{ previous: 3, current: 4 },
	{ previous: 4, current: 4 },
	{ previous: 'dontKnow', current: 2 },
	{ previous: 5, current: 'dontKnow' },
	{ previous: 'dontKnow', current: 'dontKnow' },
	{ previous: 2, current: 1 }
];

describe('shareOfChangedAnswers', () => {
	it('counts moves to and from "don\'t know" as changes', () => {
		// changed: 3→4, dk→2, 5→dk, 2→1 = 4 of 6
		expect(shareOfChangedAnswers(pairs)).toBeCloseTo(4 / 6, 14);
		expect(shareOfChangedAnswers([])).toBeNull();
	});
});

describe('ratingDifferences', () => {
	it('takes current − previous where both are ratings', () => {
		expect(ratingDifferences(pairs)).toEqual([1, 0, -1]);
	});
});

describe('coefficientOfVariation', () => {
	it('is sd / mean', () => {
		// 3,3,4,4,4,4,5,5,5,5: mean 4.2; Σ(x − 4.2)² = 2·1.44 + 4·0.04 + 4·0.64 = 5.6; sd = √(5.6/9)
		expect(coefficientOfVariation(createHistogram([0, 0, 2, 4, 4]))).toBeCloseTo(Math.sqrt(5.6 / 9) / 4.2, 14);
		expect(coefficientOfVariation(histogramFromAnswers([4, 'dontKnow']))).toBeNull();
	});

	it('reports the change between rounds (negative = converging)', () => {
		// round 1: 1, 5 → mean 3, sd √8 → CV √8/3; round 2: 3, 3, 5 → mean 11/3, sd √(4/3) → CV √(4/3)/(11/3)
		const change = coefficientOfVariationChange(histogramFromAnswers([1, 5]), histogramFromAnswers([3, 3, 5]));
		expect(change.previous).toBeCloseTo(Math.sqrt(8) / 3, 14);
		expect(change.current).toBeCloseTo(Math.sqrt(4 / 3) / (11 / 3), 14);
		expect(change.change).toBeCloseTo(Math.sqrt(4 / 3) / (11 / 3) - Math.sqrt(8) / 3, 14);
		expect(coefficientOfVariationChange(histogramFromAnswers([1]), histogramFromAnswers([3, 3])).change).toBeNull();
	});
});

describe('compareDelphiRounds', () => {
	it('puts the stability figures of one item together', () => {
		const comparison = compareDelphiRounds({
			previous: histogramFromAnswers([3, 4, 5, 2, 'dontKnow', 'dontKnow']),
			current: histogramFromAnswers([4, 4, 2, 1, 'dontKnow']),
			pairs
		});
		expect(comparison.pairs).toBe(6);
		expect(comparison.changedShare).toBeCloseTo(4 / 6, 14);
		// differences 1, 0, −1: the zero is dropped, |1| and |−1| tie → normal approximation
		expect(comparison.wilcoxon).toMatchObject({ n: 2, droppedZeros: 1, positiveRankSum: 1.5, method: 'normal' });
		// previous 2,3,4,5: mean 3.5, sd √(5/3); current 1,2,4,4: mean 2.75, sd √(6.75/3)
		expect(comparison.coefficientOfVariation.previous).toBeCloseTo(Math.sqrt(5 / 3) / 3.5, 14);
		expect(comparison.coefficientOfVariation.current).toBeCloseTo(Math.sqrt(6.75 / 3) / 2.75, 14);
	});
});
