import { standardNormalTwoSidedP } from './gamma';
import { averageRanks, tieCorrectionSum } from './ranks';

/** Largest number of non-zero differences for which the exact null distribution is used. */
export const WILCOXON_EXACT_MAX_N = 20;

export interface WilcoxonSignedRank {
	/** Number of non-zero differences (zero differences are dropped, Wilcoxon 1945). */
	readonly n: number;
	readonly droppedZeros: number;
	/** W+: sum of the ranks of |d| over positive differences. */
	readonly positiveRankSum: number;
	/** W−: sum of the ranks of |d| over negative differences. */
	readonly negativeRankSum: number;
	/**
	 * 'exact' when n ≤ 20 and no |d| are tied; otherwise 'normal': normal approximation with
	 * tie-corrected variance and continuity correction (as R's wilcox.test(correct = TRUE)).
	 * Unlike R, zeros do not force the approximation: after dropping them the exact distribution
	 * of the remaining n ranks applies unchanged.
	 */
	readonly method: 'exact' | 'normal';
	/** The standardized statistic of the normal approximation; null for the exact method. */
	readonly z: number | null;
	/** Two-sided p-value. */
	readonly pValue: number;
}

/** Number of subsets of {1, …, n} for each possible sum 0 … n(n + 1)/2. */
function signedRankSubsetCounts(n: number): number[] {
	const maximum = (n * (n + 1)) / 2;
	const counts = new Array<number>(maximum + 1).fill(0);
	counts[0] = 1;
	for (let rank = 1; rank <= n; rank += 1) {
		for (let sum = maximum; sum >= rank; sum -= 1) counts[sum] += counts[sum - rank];
	}
	return counts;
}

/** Two-sided exact p = 2·P(W ≤ min(W+, W−)) under H0, capped at 1. */
function exactPValue(n: number, smallerRankSum: number): number {
	const counts = signedRankSubsetCounts(n);
	const atOrBelow = counts.slice(0, smallerRankSum + 1).reduce((sum, count) => sum + count, 0);
	return Math.min(1, (2 * atOrBelow) / 2 ** n);
}

function normalApproximation(n: number, positiveRankSum: number, tieSum: number): { z: number; pValue: number } {
	const mean = (n * (n + 1)) / 4;
	const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48;
	const deviation = positiveRankSum - mean;
	const z = (deviation - Math.sign(deviation) * 0.5) / Math.sqrt(variance);
	return { z, pValue: standardNormalTwoSidedP(z) };
}

/**
 * Wilcoxon signed-rank test on paired differences (e.g. round 2 − round 1 of the same person).
 * Returns null when every difference is zero (nothing to test).
 */
export function wilcoxonSignedRank(differences: readonly number[]): WilcoxonSignedRank | null {
	if (differences.some((difference) => !Number.isFinite(difference))) {
		throw new RangeError('differences must be finite numbers');
	}
	const nonZero = differences.filter((difference) => difference !== 0);
	const n = nonZero.length;
	if (n === 0) return null;
	const magnitudes = nonZero.map(Math.abs);
	const ranks = averageRanks(magnitudes);
	const positiveRankSum = ranks.reduce((sum, rank, index) => (nonZero[index] > 0 ? sum + rank : sum), 0);
	const negativeRankSum = (n * (n + 1)) / 2 - positiveRankSum;
	const tieSum = tieCorrectionSum(magnitudes);
	const common = { n, droppedZeros: differences.length - n, positiveRankSum, negativeRankSum };
	if (n <= WILCOXON_EXACT_MAX_N && tieSum === 0) {
		return { ...common, method: 'exact', z: null, pValue: exactPValue(n, Math.min(positiveRankSum, negativeRankSum)) };
	}
	return { ...common, method: 'normal', ...normalApproximation(n, positiveRankSum, tieSum) };
}

/**
 * The same test from counts of the differences (difference → how many pairs), as round-to-round
 * transition counters give them: the cost depends on the number of distinct differences, not on
 * the number of pairs. Equal to wilcoxonSignedRank of the expanded differences.
 */
export function wilcoxonSignedRankFromCounts(differenceCounts: ReadonlyMap<number, number>): WilcoxonSignedRank | null {
	let n = 0;
	let zeros = 0;
	for (const [difference, count] of differenceCounts) {
		if (!Number.isFinite(difference)) throw new RangeError('differences must be finite numbers');
		if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`counts must be non-negative integers, got ${count}`);
		if (difference === 0) zeros += count;
		else n += count;
	}
	if (n === 0) return null;
	if (n <= WILCOXON_EXACT_MAX_N) {
		return wilcoxonSignedRank([...differenceCounts].flatMap(([difference, count]) => Array.from({ length: count }, () => difference)));
	}
	// More than 20 non-zero differences: the normal approximation, with average ranks per |d|.
	const byMagnitude = new Map<number, { positive: number; negative: number }>();
	for (const [difference, count] of differenceCounts) {
		if (difference === 0 || count === 0) continue;
		const entry = byMagnitude.get(Math.abs(difference)) ?? { positive: 0, negative: 0 };
		if (difference > 0) entry.positive += count;
		else entry.negative += count;
		byMagnitude.set(Math.abs(difference), entry);
	}
	let below = 0;
	let positiveRankSum = 0;
	let tieSum = 0;
	for (const magnitude of [...byMagnitude.keys()].sort((a, b) => a - b)) {
		const { positive, negative } = byMagnitude.get(magnitude)!;
		const tied = positive + negative;
		const sharedRank = below + (tied + 1) / 2;
		positiveRankSum += positive * sharedRank;
		tieSum += tied ** 3 - tied;
		below += tied;
	}
	const negativeRankSum = (n * (n + 1)) / 2 - positiveRankSum;
	return { n, droppedZeros: zeros, positiveRankSum, negativeRankSum, method: 'normal', ...normalApproximation(n, positiveRankSum, tieSum) };
}
