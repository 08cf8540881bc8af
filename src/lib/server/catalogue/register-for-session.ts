import { registrationInputSchema, type RegistrationInput } from '../../schemas/catalogue';
import { hitRateLimit } from '../auth/rate-limit';
import { catalogueRegistrations } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import { validate } from '../validate';
import { duplicateMail, pendingMail, registrationLink, waitlistMail } from './mails';
import { registrationNotices } from './registration-notice';
import { HOLD_HOURS, holdEnd, mailContext, newLink, waitlistPosition, withSession } from './locked-session';
import { checkedAnswers, closedReason, findActive, sessionQuestions, freeSeats, newRegistration, REGISTRATION_LIMIT, type Registrant, type RegistrationReceipt } from './registration-intake';

export interface RegisterOptions {
	sessionId: string;
	input: unknown;
	/** The public form asks for consent; the API documents that its client must have asked. */
	consent?: boolean;
	source?: 'public' | 'api';
}

const RATE_LIMITED: Record<'public' | 'api', string> = {
	public: 'Von Ihrem Netzwerk kamen gerade sehr viele Anmeldungen. Bitte versuchen Sie es später noch einmal.',
	api: 'Zu viele Anmeldungen von dieser Adresse. Bitte versuchen Sie es später noch einmal.'
};

/**
 * A person registers for a published session (public form or API). A free seat is held for
 * 48 hours until the address is confirmed (double opt-in); a full session puts the person on
 * the waiting list. The session row is locked, so the last seat goes to exactly one person.
 * Every attempt counts against the address's hourly limit, so nobody fills a session with bots.
 */
export async function registerForSession(visitor: Registrant, options: RegisterOptions): Promise<RegistrationReceipt> {
	const source = options.source ?? 'public';
	requireMailHost(visitor);
	const verdict = await hitRateLimit(visitor.db, `catalogue-register:${visitor.clientAddress}`, REGISTRATION_LIMIT, 3600);
	if (!verdict.allowed) throw new AppError('rate_limited', RATE_LIMITED[source], [], verdict.retryAfterSeconds);
	const details: ErrorDetail[] = [];
	let input: RegistrationInput | undefined;
	try {
		input = validate(registrationInputSchema, options.input);
	} catch (error) {
		if (!(error instanceof AppError)) throw error;
		details.push(...error.details);
	}
	const checked = checkedAnswers(await sessionQuestions(visitor.db, options.sessionId), options.input, true);
	details.push(...checked.details);
	if (options.consent === false) details.push({ path: 'consent', message: 'Ohne Ihre Zustimmung können wir Sie nicht anmelden. Bitte setzen Sie den Haken.' });
	if (details.length || !input) throw new AppError('validation_failed', 'Die Angaben sind unvollständig oder ungültig.', details);
	const { now } = visitor;
	const outcome = await withSession(visitor, options.sessionId, async (tx, lock, mails) => {
		if (lock.module.status !== 'published') return null;
		const reason = closedReason(lock.session, now);
		if (reason) throw new AppError('conflict', reason);
		const ctx = mailContext(lock, visitor);
		const existing = await findActive(tx, lock.session.id, input.email);
		if (existing) {
			mails.push(duplicateMail(ctx, existing, await newLink(tx, existing.id)));
			return { duplicate: true as const };
		}
		const free = await freeSeats(tx, lock.session);
		const holdUntil = holdEnd(now, HOLD_HOURS, lock.session.startsAt);
		const [created] = await tx
			.insert(catalogueRegistrations)
			.values({
				...newRegistration(lock.session, input, now, checked.answers),
				status: free > 0 ? 'pending_confirmation' : 'waitlisted',
				holdUntil: free > 0 ? holdUntil : null,
				consentedAt: now,
				source
			})
			.returning();
		mails.push(...(await registrationNotices(tx, lock, visitor, created)));
		const token = await newLink(tx, created.id);
		const ownLink = source === 'public' && !mailConfigured() ? registrationLink(visitor.baseUrl, token) : undefined;
		if (created.status === 'pending_confirmation') {
			mails.push(pendingMail(ctx, created, token, holdUntil));
			return { receipt: { id: created.id, status: 'pending_confirmation' as const, holdUntil, ...(ownLink ? { ownLink } : {}) } };
		}
		const position = await waitlistPosition(tx, lock.session.id, created.seq);
		mails.push(waitlistMail(ctx, created, token, position, lock.offerWindowHours, false));
		return { receipt: { id: created.id, status: 'waitlisted' as const, position, ...(ownLink ? { ownLink } : {}) } };
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	if ('duplicate' in outcome.result) {
		throw new AppError('conflict', 'Mit dieser E-Mail-Adresse gibt es schon eine Anmeldung für diesen Termin. Wir haben Ihnen den Link zu Ihrer Anmeldung noch einmal geschickt.', [
			{ path: 'email', message: 'Mit dieser Adresse sind Sie schon angemeldet.' }
		]);
	}
	return outcome.result.receipt;
}
