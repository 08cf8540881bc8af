import { chiSquareUpperTail } from './gamma';
import { averageRanks, tieCorrectionSum } from './ranks';

export interface KendallsW {
	/** Number of raters (m). */
	readonly raters: number;
	/** Number of ranked items (n). */
	readonly items: number;
	/** Coefficient of concordance, 0 (no agreement) … 1 (identical rankings). */
	readonly w: number;
	/** Friedman's statistic m(n − 1)·W. */
	readonly chiSquared: number;
	readonly degreesOfFreedom: number;
	/** P(χ²(n − 1) ≥ chiSquared): the chance of this much agreement among independent raters. */
	readonly pValue: number;
}

/**
 * Kendall's W with tie correction, W = 12·S / (m²(n³ − n) − m·Σ(t³ − t)), where S is the sum of
 * squared deviations of the items' rank sums from m(n + 1)/2 and t runs over the groups of tied
 * items within each rater. `scoresByRater[r][i]` is rater r's rank or score for item i; each row
 * is converted to average ranks, so ranks pass through unchanged and scores become ranks. W does
 * not depend on whether high scores mean high or low priority, as long as all raters agree on it.
 * Returns null when no rater distinguishes any items (W undefined).
 */
export function kendallsW(scoresByRater: readonly (readonly number[])[]): KendallsW | null {
	const raters = scoresByRater.length;
	const items = scoresByRater[0]?.length ?? 0;
	if (raters < 2 || items < 2) {
		throw new RangeError(`Kendall's W needs at least 2 raters and 2 items, got ${raters} × ${items}`);
	}
	for (const row of scoresByRater) {
		if (row.length !== items || row.some((score) => !Number.isFinite(score))) {
			throw new RangeError(`every rater must give a finite rank or score to each of the ${items} items`);
		}
	}
	const rankRows = scoresByRater.map(averageRanks);
	const rankSums = Array.from({ length: items }, (_, item) => rankRows.reduce((sum, ranks) => sum + ranks[item], 0));
	const expectedRankSum = (raters * (items + 1)) / 2;
	const s = rankSums.reduce((sum, rankSum) => sum + (rankSum - expectedRankSum) ** 2, 0);
	const ties = scoresByRater.reduce((sum, row) => sum + tieCorrectionSum(row), 0);
	const denominator = raters ** 2 * (items ** 3 - items) - raters * ties;
	if (denominator === 0) return null;
	const w = (12 * s) / denominator;
	const chiSquared = raters * (items - 1) * w;
	const degreesOfFreedom = items - 1;
	return { raters, items, w, chiSquared, degreesOfFreedom, pValue: chiSquareUpperTail(chiSquared, degreesOfFreedom) };
}
