import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens } from '../db/schema';
import { recordAudit } from '../audit';

export async function revokeApiToken(db: Db, input: { userId: string; orgId: string; tokenId: string }): Promise<boolean> {
	const revoked = await db
		.update(apiTokens)
		.set({ revokedAt: new Date() })
		.where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId), eq(apiTokens.orgId, input.orgId), isNull(apiTokens.revokedAt)))
		.returning({ id: apiTokens.id });
	if (revoked.length) await recordAudit(db, 'token_revoked', { orgId: input.orgId, userId: input.userId, detail: { tokenId: input.tokenId } });
	return revoked.length > 0;
}
