import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import { hashToken } from './secrets';

export async function deleteOtherSessions(db: Db, userId: string, keepToken: string): Promise<void> {
	await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${hashToken(keepToken)}`));
}
