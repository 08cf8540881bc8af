import { cellId, type SuppressionReason } from './cells';
import { findSuppressedCells, validMinimumGroupSize, type SuppressionOptions } from './suppression';

/** Comments can give their author away by wording, so they need a larger group than figures. */
export const FREE_TEXT_MINIMUM_GROUP_SIZE = 8;

/** The smallest group whose free-text answers may be shown: max(k, 8). Checks k like the figures do. */
export function freeTextMinimumGroupSize(minimumGroupSize?: number): number {
	return Math.max(validMinimumGroupSize(minimumGroupSize), FREE_TEXT_MINIMUM_GROUP_SIZE);
}

export interface GroupRespondents {
	/** A stakeholder group, or ALL_GROUPS for the pooled list of all comments. */
	readonly group: string;
	/** People of the group who took part in the round (any of them may have written a comment). */
	readonly respondents: number;
}

/**
 * Groups (and ALL_GROUPS) whose free-text answers must not be listed, with the reason. A group's
 * comments are shown only when it has at least max(k, 8) respondents. Comment lists subtract
 * like counts — the pooled list minus the lists of the shown groups is the list of the withheld
 * ones — so the same complementary rule as for figures applies, with max(k, 8) as threshold.
 */
export function findSuppressedFreeText(
	respondents: readonly GroupRespondents[],
	options: SuppressionOptions = {}
): ReadonlyMap<string, SuppressionReason> {
	const threshold = freeTextMinimumGroupSize(options.minimumGroupSize);
	const cells = respondents.map(({ group, respondents: n }) => ({
		key: { kind: 'participation' as const, round: 0, group },
		n,
		figures: null
	}));
	const suppressedCells = findSuppressedCells(cells, { minimumGroupSize: threshold });
	const suppressedGroups = new Map<string, SuppressionReason>();
	for (const cell of cells) {
		const reason = suppressedCells.get(cellId(cell.key));
		if (reason !== undefined) suppressedGroups.set(cell.key.group, reason);
	}
	return suppressedGroups;
}

// ─── Open answers of a round: what the review shows, and what everybody else sees ─────────────

export interface OpenAnswerText {
	/** A random id (UUID v4): the order of the texts, unrelated to when they were written. */
	readonly id: string;
	readonly question: string;
	readonly group: string;
	readonly text: string;
	readonly hidden: boolean;
}

export interface OpenAnswerRound {
	/** The study's open questions and groups, in the study's order. */
	readonly questions: readonly { readonly key: string }[];
	readonly groups: readonly { readonly key: string }[];
	/** k of the study. */
	readonly minimumGroupSize: number;
	/** Finished participants per group in this round (a missing group counts 0). */
	readonly respondents: ReadonlyMap<string, number>;
	/** Question keys an organiser released for this round. */
	readonly released: ReadonlySet<string>;
	readonly answers: readonly OpenAnswerText[];
}

export interface OpenAnswerReviewGroup {
	group: string;
	/** n ≥ max(k, 8): its texts may be reviewed and, once released, shown. */
	eligible: boolean;
	/** Empty for a group that is not eligible: nobody reads those texts, not even the organiser. */
	texts: { id: string; text: string; hidden: boolean }[];
}

export interface OpenAnswerReviewQuestion {
	question: string;
	released: boolean;
	groups: OpenAnswerReviewGroup[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The review of a round's free-text answers, per question and group: texts only for groups with
 * n ≥ max(k, 8), hidden ones included (marked), ordered by their random id — never in the order
 * they were written, which could follow who submitted when.
 */
export function reviewOpenAnswers(round: OpenAnswerRound): OpenAnswerReviewQuestion[] {
	const threshold = freeTextMinimumGroupSize(round.minimumGroupSize);
	const eligible = new Set(round.groups.filter((g) => (round.respondents.get(g.key) ?? 0) >= threshold).map((g) => g.key));
	return round.questions.map((question) => ({
		question: question.key,
		released: round.released.has(question.key),
		groups: round.groups.map((group) => ({
			group: group.key,
			eligible: eligible.has(group.key),
			texts: eligible.has(group.key)
				? round.answers
						.filter((a) => a.question === question.key && a.group === group.key)
						.sort(byId)
						.map((a) => ({ id: a.id, text: a.text, hidden: a.hidden }))
				: []
		}))
	}));
}

export interface ShownOpenAnswers {
	question: string;
	group: string;
	texts: string[];
}

/**
 * THE rule for showing free-text answers, used by the dashboard, the public page, every export and
 * the API: only released questions, only groups with n ≥ max(k, 8), never a hidden text. Groups
 * without a text to show are left out.
 */
export function shownOpenAnswers(round: OpenAnswerRound): ShownOpenAnswers[] {
	return reviewOpenAnswers(round)
		.filter((q) => q.released)
		.flatMap((q) =>
			q.groups
				.filter((g) => g.eligible)
				.map((g) => ({ question: q.question, group: g.group, texts: g.texts.filter((t) => !t.hidden).map((t) => t.text) }))
				.filter((g) => g.texts.length > 0)
		);
}
