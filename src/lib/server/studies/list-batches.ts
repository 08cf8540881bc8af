import { asc, eq } from 'drizzle-orm';
import { invitationBatches } from '../db/schema';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';

export async function listBatches(ctx: TenantContext, studyId: string) {
	await getStudy(ctx, studyId);
	const rows = await ctx.db.select().from(invitationBatches).where(eq(invitationBatches.studyId, studyId)).orderBy(asc(invitationBatches.createdAt));
	return rows.map(({ pendingTokens, ...batch }) => ({ ...batch, linksAvailable: Array.isArray(pendingTokens) && pendingTokens.length > 0 }));
}
