import { and, eq, inArray, sql } from 'drizzle-orm';
import { registrationInputSchema, type RegistrationInput } from '../../schemas/catalogue';
import { can, type Actor } from '../auth/actor';
import { hitRateLimit } from '../auth/rate-limit';
import { catalogueRegistrations, catalogueSessions } from '../db/schema';
import type { Db } from '../db/client';
import { AppError, type ErrorDetail } from '../errors';
import { tenantFor } from '../tenant';
import { duplicateMail, pendingMail, registeredByOrganiserMail, registrationLink, waitlistMail } from './mails';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import type { Organiser, Visitor } from './catalogue-context';
import { ACTIVE_STATUSES, calendarUrl, HOLD_HOURS, holdEnd, mailContext, newLink, takenSeats, waitlistLength, waitlistPosition, withSession, type SessionLock } from './locked-session';
import { isUuid, validate } from '../validate';

/** Public registrations per hour from one network address: generous for an office behind one NAT. */
export const REGISTRATION_LIMIT = 60;

export type RegistrationStatus = 'pending_confirmation' | 'confirmed' | 'waitlisted';

export interface RegistrationReceipt {
	id: string;
	status: RegistrationStatus;
	/** Place on the waiting list, from 1. */
	position?: number;
	/** Until when a pending registration holds its seat. */
	holdUntil?: Date;
	/**
	 * The registrant's own link, only when no mail can carry it (no SMTP) and only for the person
	 * registering on the public form — shown once in their browser, stored nowhere readable.
	 */
	ownLink?: string;
}

/** Who registers publicly: a visitor (database, configured base URL for the mails, time) from a network address. */
export interface Registrant extends Visitor {
	/** Where the registration comes from: at most REGISTRATION_LIMIT an hour from one address. */
	clientAddress: string;
}

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

export type ClosedReason = 'cancelled' | 'closed' | 'started' | 'deadline';

const CLOSED_MESSAGES: Record<ClosedReason, string> = {
	cancelled: 'Dieser Termin fällt aus. Eine Anmeldung ist nicht mehr möglich.',
	closed: 'Die Anmeldung für diesen Termin ist geschlossen.',
	started: 'Dieser Termin hat schon begonnen. Eine Anmeldung ist nicht mehr möglich.',
	deadline: 'Der Anmeldeschluss für diesen Termin ist vorbei.'
};

type Openness = Pick<SessionLock['session'], 'status' | 'startsAt' | 'registrationDeadline'>;

/** Why a session takes no new registrations, or null when it does. */
export function closedCode(session: Openness, now: Date): ClosedReason | null {
	if (session.status === 'cancelled') return 'cancelled';
	if (session.status === 'closed') return 'closed';
	if (now >= session.startsAt) return 'started';
	if (session.registrationDeadline && now > session.registrationDeadline) return 'deadline';
	return null;
}

/** The same as a German sentence (API error messages). */
export function closedReason(session: Openness, now: Date): string | null {
	const code = closedCode(session, now);
	return code ? CLOSED_MESSAGES[code] : null;
}

async function findActive(tx: Db, sessionId: string, email: string) {
	const [row] = await tx
		.select()
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), sql`lower(${catalogueRegistrations.email}) = ${email.toLowerCase()}`, inArray(catalogueRegistrations.status, [...ACTIVE_STATUSES])));
	return row;
}

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
		const free = lock.session.capacity - (await takenSeats(tx, lock.session.id)) - (await waitlistLength(tx, lock.session.id));
		const holdUntil = holdEnd(now, HOLD_HOURS, lock.session.startsAt);
		const [created] = await tx
			.insert(catalogueRegistrations)
			.values({
				sessionId: lock.session.id,
				orgId: lock.session.orgId,
				...personFields(input),
				status: free > 0 ? 'pending_confirmation' : 'waitlisted',
				holdUntil: free > 0 ? holdUntil : null,
				consentedAt: now,
				source,
				createdAt: now
			})
			.returning();
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

function personFields(input: RegistrationInput) {
	return {
		name: input.name,
		email: input.email,
		organisation: input.organisation,
		groupKey: input.group,
		accessibilityNeeds: input.accessibilityNeeds
	};
}

/**
 * An organiser registers someone (by phone, on paper): no double opt-in, the seat is confirmed
 * at once; when the session is full the person goes on the waiting list like everyone else.
 */
export async function registerPerson(ctx: Organiser, sessionId: string, raw: unknown): Promise<RegistrationReceipt> {
	requireMailHost(ctx);
	const input = validate(registrationInputSchema, raw);
	const now = ctx.now;
	const outcome = await withSession(ctx, sessionId, async (tx, lock, settled) => {
		if (lock.session.orgId !== ctx.org.orgId) return null;
		if (lock.session.status === 'cancelled') throw new AppError('conflict', 'Dieser Termin fällt aus.');
		if (now >= lock.session.endsAt) throw new AppError('conflict', 'Dieser Termin ist schon vorbei.');
		if (await findActive(tx, lock.session.id, input.email)) {
			throw new AppError('conflict', 'Diese Person ist für diesen Termin schon angemeldet.', [{ path: 'email', message: 'Mit dieser Adresse gibt es schon eine Anmeldung.' }]);
		}
		const free = lock.session.capacity - (await takenSeats(tx, lock.session.id)) - (await waitlistLength(tx, lock.session.id));
		const [created] = await tx
			.insert(catalogueRegistrations)
			.values({
				sessionId: lock.session.id,
				orgId: lock.session.orgId,
				...personFields(input),
				status: free > 0 ? 'confirmed' : 'waitlisted',
				emailConfirmedAt: now,
				confirmedAt: free > 0 ? now : null,
				source: 'organiser',
				createdBy: ctx.actor.userId,
				createdAt: now
			})
			.returning();
		const token = await newLink(tx, created.id);
		const position = created.status === 'waitlisted' ? await waitlistPosition(tx, lock.session.id, created.seq) : undefined;
		settled.push(registeredByOrganiserMail(mailContext(lock, ctx), created, token, calendarUrl(ctx, lock.session.id), created.status === 'waitlisted', position));
		return { id: created.id, status: created.status as RegistrationStatus, ...(position ? { position } : {}) };
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	return outcome.result;
}

/**
 * POST /api/v1/sessions/{id}/registrations: an organiser's token of the session's own
 * organisation registers the person at once (registerPerson); everybody else registers like the
 * public form, with double opt-in and the hourly limit per address.
 */
export async function registerThroughApi(ctx: Registrant & { actor: Actor | null }, sessionId: string, body: { consent?: boolean } & Record<string, unknown>): Promise<RegistrationReceipt> {
	requireMailHost(ctx);
	const { consent, ...input } = body;
	const ownOrgId = ctx.actor?.org && can(ctx.actor, 'org.manage') ? ctx.actor.org.orgId : null;
	if (ownOrgId && (await sessionOrgId(ctx.db, sessionId)) === ownOrgId) return registerPerson({ ...ctx, ...tenantFor(ctx.db, ctx.actor, 'org.manage') }, sessionId, input);
	return registerForSession(ctx, { sessionId, input, consent, source: 'api' });
}

async function sessionOrgId(db: Db, sessionId: string): Promise<string | null> {
	if (!isUuid(sessionId)) return null;
	const [row] = await db.select({ orgId: catalogueSessions.orgId }).from(catalogueSessions).where(eq(catalogueSessions.id, sessionId));
	return row?.orgId ?? null;
}
