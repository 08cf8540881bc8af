import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { freeTextMinimumGroupSize, reviewOpenAnswers } from '../../domain/anonymity/free-text';
import { can } from '../auth/actor';
import { openAnswerReleases, openAnswers } from '../db/schema';
import { AppError, toErrorDetails } from '../errors';
import { getStudy, type Study } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { closedRounds } from '../../domain/study/lifecycle';
import { loadOpenAnswerRound } from './open-answers';

/** Reviewing, releasing and hiding free-text answers is for owners and organisers (org.manage). */
function requireManager(ctx: TenantContext): void {
	if (!can(ctx.actor, 'org.manage')) throw new AppError('forbidden', 'Ihre Rolle erlaubt das nicht. Bitte wenden Sie sich an die Inhaber*innen Ihrer Organisation.');
}

const NO_CLOSED_ROUND = 'Offene Antworten lassen sich prüfen, sobald die erste Runde geschlossen ist.';

/** A closed round of the study, or a German message saying which rounds there are. */
function closedRound(study: Pick<Study, 'status' | 'currentRound'>, round: number | undefined): number {
	const rounds = closedRounds(study);
	if (rounds.length === 0) throw new AppError('conflict', NO_CLOSED_ROUND);
	const chosen = round ?? rounds.at(-1)!;
	if (!rounds.includes(chosen)) {
		throw new AppError('validation_failed', `Runde ${chosen} ist nicht geschlossen; ihre offenen Antworten lassen sich noch nicht prüfen.`, [
			{ path: 'round', message: `Möglich: ${rounds.join(', ')}.` }
		]);
	}
	return chosen;
}

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

const roundField = z.coerce
	.number({ message: 'Bitte geben Sie die Runde als Zahl an.' })
	.int('Die Runde muss eine ganze Zahl sein.')
	.min(1, 'Die Runde muss 1, 2 oder 3 sein.')
	.max(3, 'Die Runde muss 1, 2 oder 3 sein.');

const releaseSchema = z.object({
	round: roundField,
	question: z.string({ message: 'Bitte wählen Sie eine offene Frage.' }).trim().min(1, 'Bitte wählen Sie eine offene Frage.').max(100, 'Diese offene Frage gibt es in der Analyse nicht.'),
	released: z.boolean()
});

const hideSchema = z.object({
	round: roundField,
	answerId: z.uuid({ message: 'Diese Antwort gibt es nicht.' }),
	hidden: z.boolean()
});

function parse<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
	const result = schema.safeParse(input);
	if (!result.success) throw new AppError('validation_failed', message, toErrorDetails(result.error.issues));
	return result.data;
}

/** Releases (or withdraws the release of) one open question's answers of a closed round. */
export async function setOpenAnswerRelease(ctx: TenantContext, studyId: string, input: { round: unknown; question: unknown; released: boolean }): Promise<void> {
	requireManager(ctx);
	const study = await getStudy(ctx, studyId);
	const { round, question, released } = parse(releaseSchema, input, 'Die Freigabe ist unvollständig oder ungültig.');
	closedRound(study, round);
	if (!study.openQuestions.some((q) => q.key === question)) {
		throw new AppError('validation_failed', 'Diese offene Frage gibt es in der Analyse nicht.', [{ path: 'question', message: `Möglich: ${study.openQuestions.map((q) => q.label).join(' · ') || 'keine'}.` }]);
	}
	if (released) {
		await ctx.db.insert(openAnswerReleases).values({ studyId: study.id, round, questionKey: question, releasedBy: ctx.actor.userId }).onConflictDoNothing();
	} else {
		await ctx.db.delete(openAnswerReleases).where(and(eq(openAnswerReleases.studyId, study.id), eq(openAnswerReleases.round, round), eq(openAnswerReleases.questionKey, question)));
	}
}

/** Hides one text (it names a person or is otherwise unsuitable) or shows it again. */
export async function setOpenAnswerHidden(ctx: TenantContext, studyId: string, input: { round: unknown; answerId: unknown; hidden: boolean }): Promise<void> {
	requireManager(ctx);
	const study = await getStudy(ctx, studyId);
	const { round, answerId, hidden } = parse(hideSchema, input, 'Diese Antwort gibt es nicht.');
	closedRound(study, round);
	const changed = await ctx.db
		.update(openAnswers)
		.set({ hidden })
		.where(and(eq(openAnswers.id, answerId), eq(openAnswers.studyId, study.id), eq(openAnswers.round, round)))
		.returning({ id: openAnswers.id });
	if (changed.length === 0) throw new AppError('not_found', 'Diese Antwort gibt es nicht (mehr) in dieser Runde.');
}

