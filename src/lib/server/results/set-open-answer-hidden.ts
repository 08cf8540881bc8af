import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openAnswers } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { closedRoundChange, roundField } from './open-answer-review';

const hideSchema = z.object({
	round: roundField,
	answerId: z.uuid({ message: 'Diese Antwort gibt es nicht.' }),
	hidden: z.boolean()
});

/** Hides one text (it names a person or is otherwise unsuitable) or shows it again. */
export async function setOpenAnswerHidden(ctx: TenantContext, studyId: string, input: { round: unknown; answerId: unknown; hidden: boolean }): Promise<void> {
	const { study, change } = await closedRoundChange(ctx, studyId, hideSchema, input, 'Diese Antwort gibt es nicht.');
	const { round, answerId, hidden } = change;
	const changed = await ctx.db
		.update(openAnswers)
		.set({ hidden })
		.where(and(eq(openAnswers.id, answerId), eq(openAnswers.studyId, study.id), eq(openAnswers.round, round)))
		.returning({ id: openAnswers.id });
	if (changed.length === 0) throw new AppError('not_found', 'Diese Antwort gibt es nicht (mehr) in dieser Runde.');
}
