import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openAnswerReleases } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { itemOfReasonKey } from '../../domain/study/delphi-reasons';
import type { Study } from '../studies/get-study';
import { closedRoundChange, roundField } from './open-answer-review';

const releaseSchema = z.object({
	round: roundField,
	question: z.string({ message: 'Bitte wählen Sie eine offene Frage.' }).trim().min(1, 'Bitte wählen Sie eine offene Frage.').max(300, 'Diese offene Frage gibt es in der Analyse nicht.'),
	released: z.boolean()
});

/** A Delphi reason key ("reason:<item key>") of one of the study's items: released like an open question. */
function isReasonOfStudy(study: Pick<Study, 'competences' | 'horizons' | 'measureProficiency'>, key: string): boolean {
	const item = itemOfReasonKey(key);
	if (item === null) return false;
	const [competence, measure, horizon] = item.split('|');
	if (!study.competences.includes(competence)) return false;
	if (measure === 'importance') return study.horizons.some((h) => h.key === horizon);
	return measure === 'proficiency' && study.measureProficiency && horizon === '';
}

/** Releases (or withdraws the release of) one open question's answers — or one item's Delphi reasons — of a closed round. */
export async function setOpenAnswerRelease(ctx: TenantContext, studyId: string, input: { round: unknown; question: unknown; released: boolean }): Promise<void> {
	const { study, change } = await closedRoundChange(ctx, studyId, releaseSchema, input, 'Die Freigabe ist unvollständig oder ungültig.');
	const { round, question, released } = change;
	if (!study.openQuestions.some((q) => q.key === question) && !isReasonOfStudy(study, question)) {
		throw new AppError('validation_failed', 'Diese offene Frage gibt es in der Analyse nicht.', [{ path: 'question', message: `Möglich: ${study.openQuestions.map((q) => q.label).join(' · ') || 'keine'}.` }]);
	}
	if (released) {
		await ctx.db.insert(openAnswerReleases).values({ studyId: study.id, round, questionKey: question, releasedBy: ctx.actor.userId }).onConflictDoNothing();
	} else {
		await ctx.db.delete(openAnswerReleases).where(and(eq(openAnswerReleases.studyId, study.id), eq(openAnswerReleases.round, round), eq(openAnswerReleases.questionKey, question)));
	}
}
