/*
 * Round-to-round change of a Delphi study (round R against round R − 1), per item and group:
 * share of changed answers, coefficient of variation before → after, and the paired Wilcoxon
 * signed-rank test. Pairs come from transition counters (previous value → current value, 0 =
 * "kann ich nicht einschätzen"), counted per group like the histograms, so no answer is linked.
 *
 * Anonymity. The CV comes from the two protected round tables only (visible cells). The pair
 * figures are new publications of the same people, so they get their own rule, stricter than the
 * tables they come from:
 * 1. A group's change figures are shown only when its rating cell is visible in BOTH protected
 *    rounds (n ≥ k and not a complement there) and it has at least k pairs.
 * 2. The "all" pairs are the sum of the groups' pairs, so "all" − visible groups = the pairs of
 *    the hidden groups. With "all" shown, the hidden groups that have pairs must be none, or at
 *    least two with k pairs or more together (the rule of the suppression function). If not,
 *    further groups are hidden as complements (fewest pairs first, ties by group key); if that is
 *    not enough, "all" is hidden too.
 * 3. "all" itself needs its cell visible in both rounds and at least k pairs.
 * 4. Only summaries leave (share, CV, W+, p, pair count) — never the transition matrix, whose
 *    margins against a round's histogram would give away the answers of late joiners.
 */
import { ALL_GROUPS } from '../anonymity/cells';
import { coefficientOfVariationChange } from '../statistics/delphi';
import type { RatingHistogram } from '../statistics/histogram';
import { wilcoxonSignedRankFromCounts } from '../statistics/wilcoxon';
import { visibleFigures, type ProtectedRound, type RoundItem } from './round-table';

/** Summed transition counters of one item and group: how many people went from `previous` to `current`. */
export interface TransitionCount {
	competence: string;
	measure: string;
	/** '' for measures without a horizon. */
	horizon: string;
	group: string;
	/** 1–5, 0 = "kann ich nicht einschätzen". */
	previous: number;
	current: number;
	count: number;
}

export interface ChangeFigures {
	/** People who answered the item in both rounds (including "kann ich nicht einschätzen"). */
	pairs: number;
	/** Share 0–1 of pairs whose answer changed; a move to or from "kann ich nicht einschätzen" counts. */
	changedShare: number | null;
	/** Coefficient of variation (sd / mean of all ratings 1–5 of the round), previous and current round. */
	cvPrevious: number | null;
	cvCurrent: number | null;
	/** cvCurrent − cvPrevious; negative = the answers converged. */
	cvChange: number | null;
	/** Paired Wilcoxon signed-rank test on current − previous (pairs with two ratings); null when none changed. */
	wilcoxon: {
		/** W+ (R: V), sum of the ranks of the positive differences. */
		statistic: number;
		/** Non-zero differences the test uses. */
		n: number;
		pValue: number;
		method: 'exact' | 'normal';
	} | null;
}

export type ChangeCell = ({ group: string; suppressed: false } & ChangeFigures) | { group: string; suppressed: true };

export interface ItemChange {
	competence: string;
	measure: string;
	horizon: string | null;
	previousRound: number;
	round: number;
	/** One per group, then ALL_GROUPS. */
	cells: ChangeCell[];
}

export interface RoundChangeInput {
	previous: ProtectedRound;
	current: ProtectedRound;
	groups: readonly string[];
	items: readonly RoundItem[];
	transitions: readonly TransitionCount[];
	minGroupSize: number;
}

type Transitions = Map<string, number>;

const transitionKey = (previous: number, current: number) => `${previous}>${current}`;

function pairCount(transitions: Transitions): number {
	let sum = 0;
	for (const count of transitions.values()) sum += count;
	return sum;
}

function pairFigures(transitions: Transitions): Pick<ChangeFigures, 'changedShare' | 'wilcoxon'> {
	let pairs = 0;
	let changed = 0;
	const differences = new Map<number, number>();
	for (const [key, count] of transitions) {
		const [previous, current] = key.split('>').map(Number);
		pairs += count;
		if (previous !== current) changed += count;
		if (previous > 0 && current > 0) differences.set(current - previous, (differences.get(current - previous) ?? 0) + count);
	}
	const test = wilcoxonSignedRankFromCounts(differences);
	return {
		changedShare: pairs === 0 ? null : changed / pairs,
		wilcoxon: test && { statistic: test.positiveRankSum, n: test.n, pValue: test.pValue, method: test.method }
	};
}

function figures(transitions: Transitions, previous: RatingHistogram, current: RatingHistogram): ChangeFigures {
	const cv = coefficientOfVariationChange(previous, current);
	return { pairs: pairCount(transitions), ...pairFigures(transitions), cvPrevious: cv.previous, cvCurrent: cv.current, cvChange: cv.change };
}

/**
 * Which groups of one item may show change figures, and whether "all" may: rules 1–3 above.
 * `pairs` holds every group's pair count; `visibleInBoth` whether its cell is shown in both rounds.
 */
export function changeVisibility(input: {
	groups: readonly string[];
	pairs: ReadonlyMap<string, number>;
	visibleInBoth: ReadonlySet<string>;
	allVisibleInBoth: boolean;
	minGroupSize: number;
}): { groups: Set<string>; all: boolean } {
	const k = input.minGroupSize;
	const pairsOf = (group: string) => input.pairs.get(group) ?? 0;
	const shown = new Set(input.groups.filter((group) => input.visibleInBoth.has(group) && pairsOf(group) >= k));
	const totalPairs = input.groups.reduce((sum, group) => sum + pairsOf(group), 0);
	if (!input.allVisibleInBoth || totalPairs < k) return { groups: shown, all: false };
	let hidden = input.groups.filter((group) => !shown.has(group) && pairsOf(group) > 0);
	let residual = hidden.reduce((sum, group) => sum + pairsOf(group), 0);
	const safe = () => hidden.length === 0 || (hidden.length >= 2 && residual >= k);
	const complements = [...shown].sort((a, b) => pairsOf(a) - pairsOf(b) || (a < b ? -1 : a > b ? 1 : 0));
	for (const group of complements) {
		if (safe()) break;
		shown.delete(group);
		hidden = [...hidden, group];
		residual += pairsOf(group);
	}
	return { groups: shown, all: safe() };
}

/**
 * Change figures of every item between two protected rounds; a cell of a group that may not be
 * shown carries `suppressed: true` and nothing else.
 */
export function roundChange(input: RoundChangeInput): ItemChange[] {
	const byItem = new Map<string, Map<string, Transitions>>();
	for (const t of input.transitions) {
		const itemKey = `${t.competence}\u0000${t.measure}\u0000${t.horizon}`;
		const groups = byItem.get(itemKey) ?? new Map<string, Transitions>();
		const transitions = groups.get(t.group) ?? new Map<string, number>();
		const key = transitionKey(t.previous, t.current);
		transitions.set(key, (transitions.get(key) ?? 0) + t.count);
		groups.set(t.group, transitions);
		byItem.set(itemKey, groups);
	}
	return input.items.map((item) => {
		const groups = byItem.get(`${item.competence}\u0000${item.measure}\u0000${item.horizon ?? ''}`) ?? new Map<string, Transitions>();
		const transitionsOf = (group: string) => groups.get(group) ?? new Map<string, number>();
		const histograms = (group: string) => {
			const before = visibleFigures(input.previous.rating(item, group));
			const after = visibleFigures(input.current.rating(item, group));
			return before && after ? { before: before.histogram, after: after.histogram } : null;
		};
		const visibleInBoth = new Set(input.groups.filter((group) => histograms(group) !== null));
		const visibility = changeVisibility({
			groups: input.groups,
			pairs: new Map(input.groups.map((group) => [group, pairCount(transitionsOf(group))])),
			visibleInBoth,
			allVisibleInBoth: histograms(ALL_GROUPS) !== null,
			minGroupSize: input.minGroupSize
		});
		const cells: ChangeCell[] = input.groups.map((group) => {
			const rounds = histograms(group);
			if (!visibility.groups.has(group) || !rounds) return { group, suppressed: true };
			return { group, suppressed: false, ...figures(transitionsOf(group), rounds.before, rounds.after) };
		});
		const allRounds = histograms(ALL_GROUPS);
		if (visibility.all && allRounds) {
			const all = new Map<string, number>();
			for (const group of input.groups) for (const [key, count] of transitionsOf(group)) all.set(key, (all.get(key) ?? 0) + count);
			cells.push({ group: ALL_GROUPS, suppressed: false, ...figures(all, allRounds.before, allRounds.after) });
		} else cells.push({ group: ALL_GROUPS, suppressed: true });
		return { competence: item.competence, measure: item.measure, horizon: item.horizon, previousRound: input.previous.round, round: input.current.round, cells };
	});
}
