import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema';
import type { Actor } from './actor';
import { hashToken } from './secrets';
import { absoluteEnd, idleEnd, slideDue } from './session-lifetime';
import { membershipsOf } from './list-memberships';

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
