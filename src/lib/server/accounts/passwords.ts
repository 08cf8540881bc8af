import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets, sessions, users } from '../db/schema';
import { recordAudit } from '../audit';
import { hitRateLimit } from '../auth/rate-limit';
import { hashPassword, hashToken, newSecretToken, verifyPassword } from '../auth/secrets';
import { deleteOtherSessions } from '../auth/sessions';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
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

export const RESET_NEEDS_MAIL =
	'Diese Installation verschickt keine E-Mails. Deshalb kann Stadtwissen hier kein Passwort zurücksetzen. Ein neues Passwort setzt die Person, die Stadtwissen betreibt, mit „npx stadtwissen user password --email …“.';

/** The page to request a reset: without SMTP it only says how to get a new password. */
export function passwordResetPage() {
	return { mailConfigured: mailConfigured() };
}

const inFlight = new Set<Promise<void>>();

/** Resolves when every reset requested so far has been handled (tests; a clean shutdown). */
export async function resetsSettled(): Promise<void> {
	while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/**
 * Requests a reset link by mail. The request does the same work and gives the same answer for
 * known and unknown addresses: it counts against the address's hourly limit and hands the rest
 * (looking the person up, storing the reset, sending the mail) to the background, so neither the
 * answer nor its timing says whether an account exists. The link goes to the mailbox only: the
 * mail belongs to no organisation, and its body is never stored. Without SMTP nothing can reach
 * the mailbox, so the request is refused for every address alike (the CLI resets instead).
 */
export async function requestPasswordReset(db: Db, input: { email: string; baseUrl: string; ip: string; mailHostAccepted?: boolean }): Promise<void> {
	if (!mailConfigured()) throw new AppError('conflict', RESET_NEEDS_MAIL);
	requireMailHost(input);
	const limit = await hitRateLimit(db, `reset:${input.email.toLowerCase()}`, 3, 3600);
	if (!limit.allowed) return;
	const work = issueReset(db, input).catch((error: unknown) => console.error('Passwort-Zurücksetzen fehlgeschlagen:', (error as Error).message));
	inFlight.add(work);
	void work.finally(() => inFlight.delete(work));
}

async function issueReset(db: Db, input: { email: string; baseUrl: string; ip: string }): Promise<void> {
	const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
	if (!user) return;
	const token = newSecretToken();
	await db.insert(passwordResets).values({
		tokenHash: hashToken(token),
		userId: user.id,
		expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60_000)
	});
	await recordAudit(db, 'password_reset_requested', { userId: user.id, detail: { ip: input.ip } });
	await sendMail(db, {
		orgId: null,
		kind: 'password_reset',
		carriesLink: true,
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
