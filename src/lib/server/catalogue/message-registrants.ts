import type { RegistrantMessageInput } from '../../schemas/catalogue';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { sendMail } from '../mail/send-mail';
import type { Organiser } from './catalogue-context';
import { getOwnSession } from './get-own-session';
import { registrantMessageMail } from './mails';
import { messageRecipients } from './message-recipients';

export type RegistrantMessageOutcome = { step: 'confirm'; recipients: number; waitlisted: number; changed?: true } | { step: 'sent'; recipients: number };

/**
 * An organiser writes to everybody registered for a session (a room change, what to bring). The
 * first step only counts whom it would reach and asks to confirm; with `confirm` it goes through
 * the outbox to each person, with the organisation's name and legal links like every catalogue
 * mail, and the protocol records who sent how many (not the text, not the addresses). When the
 * confirmed number (`recipients`) is not whom it would reach now — the waiting-list box changed
 * after the count, someone registered or cancelled meanwhile — nothing is sent and it asks again.
 */
export async function messageRegistrants(ctx: Organiser, sessionId: string, input: RegistrantMessageInput): Promise<RegistrantMessageOutcome> {
	requireMailHost(ctx);
	const { module, session } = await getOwnSession(ctx, sessionId);
	if (session.status === 'cancelled') throw new AppError('conflict', 'Dieser Termin fällt aus. Die Teilnehmenden wurden darüber schon benachrichtigt.');
	const recipients = await messageRecipients(ctx, session.id, input.includeWaitlist);
	if (!recipients.length) {
		throw new AppError('conflict', input.includeWaitlist ? 'Für diesen Termin gibt es noch niemanden, an den die Nachricht gehen könnte.' : 'Für diesen Termin hat noch niemand einen bestätigten Platz. Nehmen Sie die Warteliste dazu, wenn sie die Nachricht bekommen soll.');
	}
	const waitlisted = recipients.filter((r) => r.status !== 'confirmed').length;
	if (input.confirm !== 'yes') return { step: 'confirm', recipients: recipients.length, waitlisted };
	if (input.recipients !== undefined && input.recipients !== recipients.length) return { step: 'confirm', recipients: recipients.length, waitlisted, changed: true };
	const context = { orgId: ctx.org.orgId, orgName: ctx.org.orgName, moduleTitle: module.title, parts: session.parts, location: session.location, onlineUrl: session.onlineUrl, baseUrl: ctx.baseUrl };
	for (const person of recipients) await sendMail(ctx.db, registrantMessageMail(context, person, input.subject, input.text));
	await recordAudit(ctx.db, 'registrants_messaged', {
		orgId: ctx.org.orgId,
		userId: ctx.actor.userId,
		detail: { sessionId: session.id, recipients: recipients.length, waitlist: input.includeWaitlist }
	});
	return { step: 'sent', recipients: recipients.length };
}

/** The message as the form's values, so the confirmation step shows what will be sent. */
export function messageValues(input: RegistrantMessageInput): Record<string, string> {
	return { subject: input.subject, text: input.text, includeWaitlist: input.includeWaitlist ? 'yes' : '' };
}
