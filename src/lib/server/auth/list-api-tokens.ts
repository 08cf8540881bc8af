import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens } from '../db/schema';

export async function listApiTokens(db: Db, userId: string, orgId: string) {
	return db
		.select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(and(eq(apiTokens.userId, userId), eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
		.orderBy(apiTokens.createdAt);
}
