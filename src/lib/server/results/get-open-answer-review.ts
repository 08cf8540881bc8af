import { freeTextMinimumGroupSize, reviewOpenAnswers } from '../../domain/anonymity/free-text';
import { getStudy } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { closedRounds } from '../../domain/study/lifecycle';
import { loadOpenAnswerRound } from './open-answers';
import { closedRound, requireManager } from './open-answer-review';

export interface OpenAnswerReview {
	studyId: string;
	studyTitle: string;
	round: number;
	rounds: number[];
	/** max(k, 8): the smallest group whose texts are shown. */
	threshold: number;
	questions: {
		key: string;
		label: string;
		released: boolean;
		groups: { key: string; label: string; eligible: boolean; texts: { id: string; text: string; hidden: boolean }[] }[];
	}[];
}

/** The organiser's review of a closed round: per question and eligible group the texts, in random order. */
export async function getOpenAnswerReview(ctx: TenantContext, studyId: string, round?: number): Promise<OpenAnswerReview> {
	requireManager(ctx);
	const study = await getStudy(ctx, studyId);
	const chosen = closedRound(study, round);
	const review = reviewOpenAnswers(await loadOpenAnswerRound(ctx.db, study, chosen));
	const questionLabel = new Map(study.openQuestions.map((q) => [q.key, q.label]));
	const groupLabel = new Map(study.groups.map((g) => [g.key, g.label]));
	return {
		studyId: study.id,
		studyTitle: study.title,
		round: chosen,
		rounds: closedRounds(study),
		threshold: freeTextMinimumGroupSize(study.minGroupSize),
		questions: review.map((q) => ({
			key: q.question,
			label: questionLabel.get(q.question) ?? q.question,
			released: q.released,
			groups: q.groups.map((g) => ({ key: g.group, label: groupLabel.get(g.group) ?? g.group, eligible: g.eligible, texts: g.texts }))
		}))
	};
}
