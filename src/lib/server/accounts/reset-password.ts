import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets, sessions, users } from '../db/schema';
import { recordAudit } from '../audit';
import { requirePasswordLogin } from '../auth/oidc-settings';
import { hashPassword, hashToken } from '../auth/secrets';
import { AppError } from '../errors';

export async function resetPassword(db: Db, input: { token: string; newPassword: string }): Promise<void> {
	requirePasswordLogin();
	const passwordHash = await hashPassword(input.newPassword);
	await db.transaction(async (tx) => {
		const [reset] = await tx
			.update(passwordResets)
			.set({ usedAt: new Date() })
			.where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
			.returning({ userId: passwordResets.userId });
		if (!reset) throw new AppError('gone', 'Dieser Link ist abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen an.');
		await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
		await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
		await recordAudit(tx, 'password_reset', { userId: reset.userId });
	});
}
