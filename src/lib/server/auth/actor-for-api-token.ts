import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, memberships, organisations, users } from '../db/schema';
import type { Actor } from './actor';
import { hashToken } from './secrets';
import { API_TOKEN_PREFIX } from './create-api-token';

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
