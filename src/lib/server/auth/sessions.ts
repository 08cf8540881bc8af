import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, organisations, sessions, users } from '../db/schema';
import type { Actor, Membership } from './actor';
import { hashToken, newSecretToken } from './secrets';

export const SESSION_COOKIE = 'sw_session';
export const SESSION_DAYS = 14;
/** A session nobody used for this long ends, however young it is (a forgotten browser in a shared office). */
export const SESSION_IDLE_MINUTES = 120;
/** Sliding the idle deadline writes to the database; at most once in this many minutes per session. */
const SLIDE_EVERY_MINUTES = 5;

const absoluteEnd = sql`${sessions.createdAt} + make_interval(days => ${SESSION_DAYS})`;
const idleEnd = sql`now() + make_interval(mins => ${SESSION_IDLE_MINUTES})`;
/** Due when the deadline is more than a few minutes old — or further out than idling allows (a session from before the idle timeout). */
const slideDue = sql<boolean>`(${sessions.expiresAt} < ${idleEnd} - make_interval(mins => ${SLIDE_EVERY_MINUTES}) OR ${sessions.expiresAt} > ${idleEnd})`;

export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
	return db
		.select({ orgId: organisations.id, orgSlug: organisations.slug, orgName: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.where(eq(memberships.userId, userId))
		.orderBy(organisations.name);
}

/**
 * A new session. In the database it expires after SESSION_IDLE_MINUTES without use (each use
 * moves that on, never past SESSION_DAYS after its start); the returned `expiresAt`, for the
 * cookie, is that absolute end.
 */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
	const token = newSecretToken();
	const [first] = await membershipsOf(db, userId);
	const [row] = await db
		.insert(sessions)
		.values({ tokenHash: hashToken(token), userId, currentOrgId: first?.orgId ?? null, expiresAt: idleEnd })
		.returning({ createdAt: sessions.createdAt });
	return { token, expiresAt: new Date(row.createdAt.getTime() + SESSION_DAYS * 24 * 3600 * 1000) };
}

/** A session in use: its idle deadline moves to now + SESSION_IDLE_MINUTES (capped by its absolute end), at most every few minutes. */
async function slide(db: Db, tokenHash: string): Promise<void> {
	await db
		.update(sessions)
		.set({ expiresAt: sql`LEAST(${idleEnd}, ${absoluteEnd})` })
		.where(and(eq(sessions.tokenHash, tokenHash), slideDue));
}

export async function actorForSession(db: Db, token: string): Promise<Actor | null> {
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({ userId: users.id, email: users.email, name: users.name, currentOrgId: sessions.currentOrgId, slideDue })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), sql`${absoluteEnd} > now()`));
	if (!row) return null;
	if (row.slideDue) await slide(db, tokenHash);
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
