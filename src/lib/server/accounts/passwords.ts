import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, passwordResets, sessions, users } from '../db/schema';
import { recordAudit } from '../audit';
import { hitRateLimit } from '../auth/rate-limit';
import { hashPassword, hashToken, newSecretToken, verifyPassword } from '../auth/secrets';
import { deleteOtherSessions } from '../auth/sessions';
import { AppError } from '../errors';
import { sendMail } from '../mail/send-mail';

export const RESET_VALID_MINUTES = 60;

export async function changePassword(
	db: Db,
	input: { userId: string; currentPassword: string; newPassword: string; sessionToken: string }
): Promise<void> {
	const [user] = await db.select().from(users).where(eq(users.id, input.userId));
	if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
		throw new AppError('validation_failed', 'Das bisherige Passwort stimmt nicht.', [{ path: 'currentPassword', message: 'Das bisherige Passwort stimmt nicht.' }]);
	}
	await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, user.id));
	await deleteOtherSessions(db, user.id, input.sessionToken);
	await recordAudit(db, 'password_changed', { userId: user.id });
}

/** Always answers the same way, so the form does not reveal which addresses have an account. */
export async function requestPasswordReset(db: Db, input: { email: string; baseUrl: string; ip: string }): Promise<void> {
	const limit = await hitRateLimit(db, `reset:${input.email}`, 3, 3600);
	if (!limit.allowed) return;
	const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
	if (!user) return;
	const token = newSecretToken();
	await db.insert(passwordResets).values({
		tokenHash: hashToken(token),
		userId: user.id,
		expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60_000)
	});
	await recordAudit(db, 'password_reset_requested', { userId: user.id, detail: { ip: input.ip } });
	const [membership] = await db.select({ orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id)).limit(1);
	await sendMail(db, {
		orgId: membership?.orgId ?? null,
		kind: 'password_reset',
		to: user.email,
		subject: 'Stadtwissen: Passwort zurücksetzen',
		body: [
			`Guten Tag ${user.name},`,
			'',
			'Sie haben ein neues Passwort für Stadtwissen angefordert. Über diesen Link legen Sie es fest:',
			`${input.baseUrl}/passwort-zuruecksetzen/${token}`,
			'',
			`Der Link gilt ${RESET_VALID_MINUTES} Minuten und nur einmal.`,
			'Wenn Sie das nicht waren, müssen Sie nichts tun: Ihr Passwort bleibt, wie es ist.'
		].join('\n')
	});
}

export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: passwordResets.userId })
		.from(passwordResets)
		.where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)));
	return Boolean(row);
}

export async function resetPassword(db: Db, input: { token: string; newPassword: string }): Promise<void> {
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
