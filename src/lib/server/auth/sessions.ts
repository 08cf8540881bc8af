import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, organisations, sessions, users } from '../db/schema';
import type { Actor, Membership } from './actor';
import { hashToken, newSecretToken } from './secrets';

export const SESSION_COOKIE = 'sw_session';
export const SESSION_DAYS = 14;

export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
	return db
		.select({ orgId: organisations.id, orgSlug: organisations.slug, orgName: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.where(eq(memberships.userId, userId))
		.orderBy(organisations.name);
}

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = newSecretToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
	const [first] = await membershipsOf(db, userId);
	await db.insert(sessions).values({ tokenHash: hashToken(token), userId, currentOrgId: first?.orgId ?? null, expiresAt });
	return { token, expiresAt };
}

export async function actorForSession(db: Db, token: string): Promise<Actor | null> {
	const [row] = await db
		.select({ userId: users.id, email: users.email, name: users.name, currentOrgId: sessions.currentOrgId })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`)));
	if (!row) return null;
	const all = await membershipsOf(db, row.userId);
	const org = all.find((m) => m.orgId === row.currentOrgId) ?? all[0] ?? null;
	return { userId: row.userId, email: row.email, name: row.name, via: 'session', org, memberships: all };
}

/** Makes `orgId` the session's organisation, provided the user is a member there. */
export async function switchOrganisation(db: Db, token: string, userId: string, orgId: string): Promise<boolean> {
	const updated = await db
		.update(sessions)
		.set({ currentOrgId: orgId })
		.where(
			and(
				eq(sessions.tokenHash, hashToken(token)),
				eq(sessions.userId, userId),
				sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.userId} = ${userId} AND ${memberships.orgId} = ${orgId})`
			)
		)
		.returning({ userId: sessions.userId });
	return updated.length > 0;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteOtherSessions(db: Db, userId: string, keepToken: string): Promise<void> {
	await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${hashToken(keepToken)}`));
}
