import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { passwordResets, users } from '../db/schema';
import { recordAudit } from '../audit';
import { hitRateLimit } from '../auth/rate-limit';
import { requirePasswordLogin } from '../auth/oidc-settings';
import { hashToken, newSecretToken } from '../auth/secrets';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import { sendMail } from '../mail/send-mail';
import { RESET_NEEDS_MAIL, RESET_VALID_MINUTES } from './password-reset-rules';
import { log } from '../observability/logger';

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
	requirePasswordLogin();
	if (!mailConfigured()) throw new AppError('conflict', RESET_NEEDS_MAIL);
	requireMailHost(input);
	const limit = await hitRateLimit(db, `reset:${input.email.toLowerCase()}`, 3, 3600);
	if (!limit.allowed) return;
	const work = issueReset(db, input).catch((error: unknown) => log().error({ err: error }, 'Passwort-Zurücksetzen fehlgeschlagen'));
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
