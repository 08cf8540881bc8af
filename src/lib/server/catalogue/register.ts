import { and, eq, inArray, sql } from 'drizzle-orm';
import { registrationInputSchema, type RegistrationInput } from '../../schemas/catalogue';
import { catalogueRegistrations } from '../db/schema';
import type { Db } from '../db/client';
import { AppError, type ErrorDetail } from '../errors';
import type { TenantContext } from '../tenant';
import { duplicateMail, pendingMail, registeredByOrganiserMail, waitlistMail } from './mails';
import { ACTIVE_STATUSES, calendarUrl, HOLD_HOURS, holdEnd, mailContext, newLink, takenSeats, waitlistLength, waitlistPosition, withSession, type CatalogueEnv, type SessionLock } from './seats';
import { validate } from './validate';

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
}

export interface RegisterOptions {
	sessionId: string;
	input: unknown;
	env: CatalogueEnv;
	/** The public form asks for consent; the API documents that its client must have asked. */
	consent?: boolean;
	source?: 'public' | 'api';
}

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
 */
export async function registerForSession(db: Db, options: RegisterOptions): Promise<RegistrationReceipt> {
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
	const now = options.env.now ?? new Date();
	const outcome = await withSession(db, options.sessionId, options.env, async (tx, lock, mails) => {
		if (lock.module.status !== 'published') return null;
		const reason = closedReason(lock.session, now);
		if (reason) throw new AppError('conflict', reason);
		const ctx = mailContext(lock, options.env);
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
				source: options.source ?? 'public',
				createdAt: now
			})
			.returning();
		const token = await newLink(tx, created.id);
		if (created.status === 'pending_confirmation') {
			mails.push(pendingMail(ctx, created, token, holdUntil));
			return { receipt: { id: created.id, status: 'pending_confirmation' as const, holdUntil } };
		}
		const position = await waitlistPosition(tx, lock.session.id, created.seq);
		mails.push(waitlistMail(ctx, created, token, position, lock.offerWindowHours, false));
		return { receipt: { id: created.id, status: 'waitlisted' as const, position } };
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
export async function registerPerson(ctx: TenantContext, sessionId: string, raw: unknown, env: CatalogueEnv): Promise<RegistrationReceipt> {
	const input = validate(registrationInputSchema, raw);
	const now = env.now ?? new Date();
	const outcome = await withSession(ctx.db, sessionId, env, async (tx, lock, settled) => {
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
		settled.push(registeredByOrganiserMail(mailContext(lock, env), created, token, calendarUrl(env, lock.session.id), created.status === 'waitlisted', position));
		return { id: created.id, status: created.status as RegistrationStatus, ...(position ? { position } : {}) };
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	return outcome.result;
}
