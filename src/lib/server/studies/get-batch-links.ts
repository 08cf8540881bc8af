import { and, eq } from 'drizzle-orm';
import { invitationBatches } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import { participationLink } from './invitation-rules';

export async function getBatchLinks(ctx: TenantContext, studyId: string, batchId: string, baseUrl: string) {
	await getStudy(ctx, studyId);
	const [batch] = /^[0-9a-f-]{36}$/i.test(batchId)
		? await ctx.db.select().from(invitationBatches).where(and(eq(invitationBatches.id, batchId), eq(invitationBatches.studyId, studyId)))
		: [];
	if (!batch) throw new AppError('not_found', 'Diesen Stapel von Einladungen gibt es nicht.');
	if (!batch.pendingTokens) throw new AppError('gone', 'Die Links dieses Stapels wurden als ausgegeben bestätigt und deshalb gelöscht. Gespeichert ist nur noch, was zum Prüfen eines Links nötig ist.');
	return { batch, links: batch.pendingTokens.map((token) => participationLink(baseUrl, token)) };
}
