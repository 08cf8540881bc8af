import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, memberships, organisations, users } from '../db/schema';
import { recordAudit } from '../audit';
import type { Actor } from './actor';
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

export async function listApiTokens(db: Db, userId: string, orgId: string) {
	return db
		.select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(and(eq(apiTokens.userId, userId), eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
		.orderBy(apiTokens.createdAt);
}

export async function revokeApiToken(db: Db, input: { userId: string; orgId: string; tokenId: string }): Promise<boolean> {
	const revoked = await db
		.update(apiTokens)
		.set({ revokedAt: new Date() })
		.where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, input.userId), eq(apiTokens.orgId, input.orgId), isNull(apiTokens.revokedAt)))
		.returning({ id: apiTokens.id });
	if (revoked.length) await recordAudit(db, 'token_revoked', { orgId: input.orgId, userId: input.userId, detail: { tokenId: input.tokenId } });
	return revoked.length > 0;
}

/** A token acts only in its own organisation, and only while its user is still a member there. */
export async function actorForApiToken(db: Db, token: string): Promise<Actor | null> {
	if (!token.startsWith(API_TOKEN_PREFIX)) return null;
	const [row] = await db
		.select({
			tokenId: apiTokens.id,
			userId: users.id,
			email: users.email,
			name: users.name,
			orgId: organisations.id,
			orgSlug: organisations.slug,
			orgName: organisations.name,
			role: memberships.role
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.innerJoin(memberships, and(eq(memberships.userId, apiTokens.userId), eq(memberships.orgId, apiTokens.orgId)))
		.innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
		.where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
	if (!row) return null;
	await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
	const org = { orgId: row.orgId, orgSlug: row.orgSlug, orgName: row.orgName, role: row.role };
	return { userId: row.userId, email: row.email, name: row.name, via: 'token', org, memberships: [org] };
}
