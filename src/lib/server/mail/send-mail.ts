import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outboxMails } from '../db/schema';
import { deliver, mailConfigured } from './mailer';

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

/** 'sent': SMTP took it; 'failed': SMTP refused it; 'not_sent': no SMTP configured. */
export type MailStatus = 'sent' | 'failed' | 'not_sent';

const FAILURE_MAX = 200;

/** The SMTP reply without anything the mail contained: its response code and first line. */
function failureReason(error: unknown): string {
	const e = error as { responseCode?: number; code?: string; message?: string };
	const first = (e.message ?? String(error)).split('\n')[0];
	return [e.responseCode ?? e.code, first].filter(Boolean).join(' ').slice(0, FAILURE_MAX);
}

/**
 * Sends a mail and records it in the outbox as metadata (recipient, subject, kind, time, status).
 * The body of an ordinary mail is kept only until SMTP took it; the body of a mail with a personal
 * link is never stored. Without SMTP nothing is sent and no body is kept: callers that need the mail
 * to arrive check `mailConfigured()` first and refuse or show the link to its owner instead.
 */
export async function sendMail(db: Db, mail: Mail): Promise<MailStatus> {
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
		console.error('E-Mail konnte nicht versendet werden:', failure);
		await db.update(outboxMails).set({ status: 'failed', failure }).where(eq(outboxMails.id, stored.id));
		return 'failed';
	}
	await db.update(outboxMails).set({ status: 'sent', sentAt: new Date(), body: null }).where(eq(outboxMails.id, stored.id));
	return 'sent';
}
