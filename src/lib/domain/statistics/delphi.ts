import type { RatingAnswer, RatingHistogram } from './histogram';
import { summarizeHistogram } from './summary';
import { wilcoxonSignedRank, type WilcoxonSignedRank } from './wilcoxon';

/** One participant's answers to the same item in the previous and the current round. */
export interface AnswerPair {
	readonly previous: RatingAnswer;
	readonly current: RatingAnswer;
}

/** Share (0–1) of pairs whose answer changed; a move to or from "don't know" counts as a change. */
export function shareOfChangedAnswers(pairs: readonly AnswerPair[]): number | null {
	if (pairs.length === 0) return null;
	return pairs.filter((pair) => pair.previous !== pair.current).length / pairs.length;
}

/** current − previous for the pairs where both answers are ratings. */
export function ratingDifferences(pairs: readonly AnswerPair[]): number[] {
	return pairs.flatMap((pair) =>
		pair.previous === 'dontKnow' || pair.current === 'dontKnow' ? [] : [pair.current - pair.previous]
	);
}

/** CV = sample standard deviation / mean; null when n < 2 (ratings are ≥ 1, so the mean is > 0). */
export function coefficientOfVariation(histogram: RatingHistogram): number | null {
	const { mean, standardDeviation } = summarizeHistogram(histogram);
	return mean === null || standardDeviation === null ? null : standardDeviation / mean;
}

export interface CoefficientOfVariationChange {
	readonly previous: number | null;
	readonly current: number | null;
	/** current − previous; negative means the answers converged. */
	readonly change: number | null;
}

export function coefficientOfVariationChange(
	previous: RatingHistogram,
	current: RatingHistogram
): CoefficientOfVariationChange {
	const before = coefficientOfVariation(previous);
	const after = coefficientOfVariation(current);
	return { previous: before, current: after, change: before === null || after === null ? null : after - before };
}

export interface DelphiItemComparison {
	readonly pairs: number;
	readonly changedShare: number | null;
	readonly coefficientOfVariation: CoefficientOfVariationChange;
	/** Paired test on current − previous; null when no pair changed its rating. */
	readonly wilcoxon: WilcoxonSignedRank | null;
}

/**
 * Stability of one item between two Delphi rounds. The CV uses every rating of each round
 * (histograms); the share of changes and the Wilcoxon test use only the paired answers of people
 * who answered in both rounds.
 */
export function compareDelphiRounds(input: {
	readonly previous: RatingHistogram;
	readonly current: RatingHistogram;
	readonly pairs: readonly AnswerPair[];
}): DelphiItemComparison {
	return {
		pairs: input.pairs.length,
		changedShare: shareOfChangedAnswers(input.pairs),
		coefficientOfVariation: coefficientOfVariationChange(input.previous, input.current),
		wilcoxon: wilcoxonSignedRank(ratingDifferences(input.pairs))
	};
}
