import { eq } from 'drizzle-orm';
import { getDatabase, type Db } from '../db/client';
import { configuredBaseUrl } from '../http/base-url';
import { mailFooter } from '../identity/mail-footer';
import { outboxMails } from '../db/schema';
import { requireMailGateOpen } from './mail-host';
import { enqueueMailRetry } from './mail-retry';
import { deliver, failureReason, mailConfigured } from './mailer';
import { log } from '../observability/logger';
import { countMailFailure } from '../observability/metrics';

/** What a mail is about; shown in the Ausgang instead of its content. */
export type MailKind = 'general' | 'registration' | 'study_invitation' | 'study_reminder' | 'member_invitation' | 'password_reset';

export interface Mail {
	orgId?: string | null;
	kind?: MailKind;
	/**
	 * The mail carries a personal link (a participant's, a registrant's, an invitee's, a reset):
	 * its body is never stored — it exists only in memory until SMTP has taken it.
	 */
	carriesLink: boolean;
	to: string;
	subject: string;
	body: string;
}

/** 'sent': SMTP took it; 'retrying': SMTP refused it, a job tries again later; 'failed': it could not even be queued; 'not_sent': no SMTP configured. */
export type MailStatus = 'sent' | 'retrying' | 'failed' | 'not_sent';

/**
 * Sends a mail and records it in the outbox as metadata (recipient, subject, kind, time, status).
 * The body of an ordinary mail is kept only until SMTP took it; the body of a mail with a personal
 * link is never stored in the outbox. Without SMTP nothing is sent and no body is kept: callers that need the mail
 * to arrive check `mailConfigured()` first and refuse or show the link to its owner instead.
 *
 * The first attempt is made at once. When SMTP refuses it, a `mail-retry` job tries again with
 * backoff (see `MAIL_RETRY`); a link-carrying body then waits in that job only, and is deleted
 * with the job as soon as the mail was delivered or finally given up.
 */
export async function sendMail(db: Db, unsigned: Mail): Promise<MailStatus> {
	requireMailGateOpen();
	// Every mail ends with who sends it and its legal pages (Impressum, Datenschutz, Barrierefreiheit).
	const mail = { ...unsigned, body: unsigned.body + (await mailFooter(db, unsigned.orgId, configuredBaseUrl())) };
	const configured = mailConfigured();
	const [stored] = await db
		.insert(outboxMails)
		.values({
			orgId: mail.orgId ?? null,
			kind: mail.kind ?? 'general',
			carriesLink: mail.carriesLink,
			recipient: mail.to,
			subject: mail.subject,
			body: configured && !mail.carriesLink ? mail.body : null,
			status: configured ? 'pending' : 'not_sent'
		})
		.returning({ id: outboxMails.id });
	if (!configured) return 'not_sent';
	try {
		await deliver(mail);
	} catch (error) {
		const failure = failureReason(error);
		countMailFailure();
		log().warn({ reason: failure }, 'E-Mail konnte nicht versendet werden, neuer Versuch folgt');
		await db.update(outboxMails).set({ failure }).where(eq(outboxMails.id, stored.id));
		try {
			await enqueueMailRetry('$client' in db ? db.$client : getDatabase().$client, { outboxId: stored.id, body: mail.carriesLink ? mail.body : undefined });
			return 'retrying';
		} catch (queueError) {
			log().error({ reason: failureReason(queueError) }, 'E-Mail konnte nicht zum erneuten Versuch vorgemerkt werden');
			await db.update(outboxMails).set({ status: 'failed', body: null }).where(eq(outboxMails.id, stored.id));
			return 'failed';
		}
	}
	await db.update(outboxMails).set({ status: 'sent', sentAt: new Date(), body: null, failure: null }).where(eq(outboxMails.id, stored.id));
	return 'sent';
}
