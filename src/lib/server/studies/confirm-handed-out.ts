import { and, eq, sql } from 'drizzle-orm';
import { invitationBatches } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';

/** After this only the hashes remain: nobody, not even the organiser, can re-create a link. */
export async function confirmHandedOut(ctx: TenantContext, studyId: string, batchId: string): Promise<void> {
	await getStudy(ctx, studyId);
	const updated = await ctx.db
		.update(invitationBatches)
		.set({ pendingTokens: null, handedOutAt: sql`now()` })
		.where(and(eq(invitationBatches.id, batchId), eq(invitationBatches.studyId, studyId)))
		.returning({ id: invitationBatches.id });
	if (!updated.length) throw new AppError('not_found', 'Diesen Stapel von Einladungen gibt es nicht.');
}
