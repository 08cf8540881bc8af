import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets } from '../db/schema';
import { hashToken } from '../auth/secrets';

export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: passwordResets.userId })
		.from(passwordResets)
		.where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)));
	return Boolean(row);
}
