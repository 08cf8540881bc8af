import { reviewOpenAnswers, type OpenAnswerText } from '../anonymity/free-text';
import type { FeedbackFigures } from './delphi-feedback';

/*
 * eDelphi (issue 17): in a round that has a next one, a participant may give a short reason for an
 * answer — for an answer far from their group's previous median, or (where the organiser wants it)
 * for every item. Reasons are anonymous free text of the round, stored like the answers to open
 * questions under the key "reason:<item key>" (no link to the participant), reviewed and released
 * by the organiser, and shown in the next round beside the distribution as "Argumente aus Runde n".
 */

export const REASON_PREFIX = 'reason:';
export const REASON_MAX_LENGTH = 500;

/** Which answers may carry a reason: those far from the group's median (default), or every answer. */
export type ReasonMode = 'far' | 'every';

export const reasonKey = (itemKey: string) => `${REASON_PREFIX}${itemKey}`;

/** The item key of a reason key, or null for an ordinary open question's key. */
export function itemOfReasonKey(key: string): string | null {
	return key.startsWith(REASON_PREFIX) && key.length > REASON_PREFIX.length ? key.slice(REASON_PREFIX.length) : null;
}

/** An answer at least two points from the group's previous median (in either direction). */
export function farFromMedian(answer: number | null | undefined, group: FeedbackFigures | null): boolean {
	return group !== null && group.median !== null && typeof answer === 'number' && Math.abs(answer - group.median) >= 2;
}

export interface ReasonQuestion {
	round: number;
	rounds: number;
	mode?: ReasonMode;
	/** The answer as it stands (chosen now, or kept from the previous round). */
	answer: number | null | undefined;
	/** The participant's group in the previous round, as shown to them (null where hidden). */
	group: FeedbackFigures | null;
}

/**
 * Whether the questionnaire offers the optional reason field for one item. Never in the last round:
 * nobody would read the reason (a reason is read as an argument in the next round). In the first
 * round there is no median, so only the "every item" mode asks.
 */
export function reasonOffered({ round, rounds, mode = 'far', answer, group }: ReasonQuestion): boolean {
	if (round >= rounds) return false;
	if (mode === 'every') return true;
	return round >= 2 && farFromMedian(answer, group);
}

export interface ReasonProblem {
	path: string;
	message: string;
}

/**
 * The reasons among a submission's open texts ("reason:<item key>" → text), checked: only for items
 * of the questionnaire, only while a next round follows, at most 500 characters. Empty texts are
 * dropped. Ordinary open questions are left to their own check.
 */
export function checkReasons(
	open: Readonly<Record<string, unknown>>,
	itemKeys: ReadonlySet<string>,
	round: { round: number; rounds: number }
): { reasons: Record<string, string>; problems: ReasonProblem[] } {
	const reasons: Record<string, string> = {};
	const problems: ReasonProblem[] = [];
	for (const [key, text] of Object.entries(open)) {
		const item = itemOfReasonKey(key);
		if (item === null) continue;
		const path = `open.${key}`;
		if (!itemKeys.has(item)) problems.push({ path, message: 'Zu dieser Begründung gibt es keine Frage im Fragebogen.' });
		else if (typeof text !== 'string') problems.push({ path, message: 'Die Begründung muss ein Text sein.' });
		else if (text.length > REASON_MAX_LENGTH) problems.push({ path, message: `Die Begründung darf höchstens ${REASON_MAX_LENGTH} Zeichen lang sein.` });
		else if (!text.trim()) continue;
		else if (round.round >= round.rounds) problems.push({ path, message: 'In der letzten Runde werden keine Begründungen gesammelt: Niemand würde sie lesen.' });
		else reasons[key] = text.trim();
	}
	return { reasons, problems };
}

export interface ReasonRound {
	/** The study's groups, in its order, and k. */
	readonly groups: readonly { readonly key: string }[];
	readonly minimumGroupSize: number;
	/** Finished participants per group in the round the reasons were given in. */
	readonly respondents: ReadonlyMap<string, number>;
	/** Reason keys ("reason:<item key>") an organiser released for that round. */
	readonly released: ReadonlySet<string>;
	/** The round's reasons (open answers whose question is a reason key). */
	readonly reasons: readonly OpenAnswerText[];
}

/** The reason keys a round holds texts for, in a stable order. */
export function reasonKeysOf(reasons: readonly { question: string }[]): string[] {
	return [...new Set(reasons.map((r) => r.question).filter((key) => itemOfReasonKey(key) !== null))].sort();
}

/**
 * THE rule for the arguments beside the distribution in the next round, per item key: the reasons
 * an organiser released for the item, from groups whose free text may be shown (n ≥ max(k, 8), as
 * for open questions), without hidden ones — and only when at least k of them
 * remain, so that an argument is one voice among several, never the one person who answered apart.
 * Pooled over the groups in the order of their random ids (never in the order they were written).
 */
export function shownArguments(round: ReasonRound): Record<string, string[]> {
	const keys = reasonKeysOf(round.reasons);
	const review = reviewOpenAnswers({
		questions: keys.map((key) => ({ key })),
		groups: round.groups,
		minimumGroupSize: round.minimumGroupSize,
		respondents: round.respondents,
		released: round.released,
		answers: round.reasons
	});
	const shown: Record<string, string[]> = {};
	for (const question of review) {
		if (!question.released) continue;
		const texts = question.groups
			.filter((g) => g.eligible)
			.flatMap((g) => g.texts)
			.filter((t) => !t.hidden)
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map((t) => t.text);
		if (texts.length >= round.minimumGroupSize) shown[itemOfReasonKey(question.question)!] = texts;
	}
	return shown;
}

/** The review page's anchor of an open question or a reason key (item keys hold "|", "." and ":"). */
export const reviewAnchor = (questionKey: string) => `frage-${questionKey.replace(/[^A-Za-z0-9_-]/g, '-')}`;
