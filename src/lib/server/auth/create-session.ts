import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import { hashToken, newSecretToken } from './secrets';
import { SESSION_DAYS, idleEnd } from './session-lifetime';
import { membershipsOf } from './list-memberships';

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
