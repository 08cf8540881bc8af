import { freeTextMinimumGroupSize, reviewOpenAnswers } from '../../domain/anonymity/free-text';
import { getStudy } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { closedRounds } from '../../domain/study/lifecycle';
import { reasonKeysOf } from '../../domain/study/delphi-reasons';
import { loadReasonRound, reasonItemLabels } from './delphi-reasons';
import { loadOpenAnswerRound } from './open-answers';
import { closedRound, requireManager } from './open-answer-review';

export interface OpenAnswerReview {
	studyId: string;
	studyTitle: string;
	round: number;
	rounds: number[];
	/** max(k, 8): the smallest group whose texts are shown. */
	threshold: number;
	questions: ReviewQuestion[];
	/**
	 * Delphi reasons ("Begründungen") given in this round, per item that has any: released, they are
	 * the next round's arguments beside the distribution (domain/study/delphi-reasons.ts).
	 */
	reasons: ReviewQuestion[];
	/** A round followed by another: its released reasons are shown there. */
	nextRound: number | null;
	/** k: an item's arguments are shown only when at least k reasons remain. */
	minGroupSize: number;
}

export interface ReviewQuestion {
	key: string;
	label: string;
	released: boolean;
	groups: { key: string; label: string; eligible: boolean; texts: { id: string; text: string; hidden: boolean }[] }[];
}

/** The organiser's review of a closed round: per question and eligible group the texts, in random order. */
export async function getOpenAnswerReview(ctx: TenantContext, studyId: string, round?: number): Promise<OpenAnswerReview> {
	requireManager(ctx);
	const study = await getStudy(ctx, studyId);
	const chosen = closedRound(study, round);
	const [review, reasonRound] = await Promise.all([loadOpenAnswerRound(ctx.db, study, chosen).then(reviewOpenAnswers), loadReasonRound(ctx.db, study, chosen)]);
	const reasonKeys = [...new Set([...reasonKeysOf(reasonRound.reasons), ...reasonRound.released])].sort();
	const reasonReview = reviewOpenAnswers({ ...reasonRound, questions: reasonKeys.map((key) => ({ key })), answers: reasonRound.reasons });
	const questionLabel = new Map([...study.openQuestions.map((q) => [q.key, q.label] as const), ...(await reasonItemLabels(ctx.db, study, reasonKeys))]);
	const groupLabel = new Map(study.groups.map((g) => [g.key, g.label]));
	const labelled = (q: (typeof review)[number]): ReviewQuestion => ({
		key: q.question,
		label: questionLabel.get(q.question) ?? q.question,
		released: q.released,
		groups: q.groups.map((g) => ({ key: g.group, label: groupLabel.get(g.group) ?? g.group, eligible: g.eligible, texts: g.texts }))
	});
	return {
		studyId: study.id,
		studyTitle: study.title,
		round: chosen,
		rounds: closedRounds(study),
		threshold: freeTextMinimumGroupSize(study.minGroupSize),
		questions: review.map(labelled),
		reasons: reasonReview.map(labelled),
		nextRound: chosen < study.rounds ? chosen + 1 : null,
		minGroupSize: study.minGroupSize
	};
}
