import type { Db } from '../db/client';
import { apiTokens } from '../db/schema';
import { recordAudit } from '../audit';
import { hashToken, newSecretToken } from './secrets';

export const API_TOKEN_PREFIX = 'swt_';

export async function createApiToken(db: Db, input: { userId: string; orgId: string; name: string }): Promise<{ id: string; token: string }> {
	const token = newSecretToken(API_TOKEN_PREFIX);
	const [row] = await db
		.insert(apiTokens)
		.values({ tokenHash: hashToken(token), userId: input.userId, orgId: input.orgId, name: input.name })
		.returning({ id: apiTokens.id });
	await recordAudit(db, 'token_created', { orgId: input.orgId, userId: input.userId, detail: { tokenId: row.id, name: input.name } });
	return { id: row.id, token };
}
