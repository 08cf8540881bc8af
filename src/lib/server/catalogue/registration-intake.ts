import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RegistrationInput } from '../../schemas/catalogue';
import type { Db } from '../db/client';
import { readAnswers, type RegistrationQuestion } from '../../domain/catalogue/registration-questions';
import { catalogueModules, catalogueRegistrations, catalogueSessions } from '../db/schema';
import type { ErrorDetail } from '../errors';
import { isUuid } from '../validate';
import type { Visitor } from './catalogue-context';
import { ACTIVE_STATUSES, takenSeats, waitlistLength, type SessionLock } from './locked-session';

/*
 * What registering shares — on the public form, by an organiser, through the API: the receipt,
 * who registers, whether a session still takes registrations, and the person's stored fields.
 */

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

export async function findActive(tx: Db, sessionId: string, email: string) {
	const [row] = await tx
		.select()
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), sql`lower(${catalogueRegistrations.email}) = ${email.toLowerCase()}`, inArray(catalogueRegistrations.status, [...ACTIVE_STATUSES])));
	return row;
}

/** Seats neither taken nor promised to the waiting list. */
export async function freeSeats(tx: Db, session: { id: string; capacity: number }): Promise<number> {
	return session.capacity - (await takenSeats(tx, session.id)) - (await waitlistLength(tx, session.id));
}

/** The own registration questions of the module a session belongs to (none for an unknown session). */
export async function sessionQuestions(db: Db, sessionId: string): Promise<RegistrationQuestion[]> {
	if (!isUuid(sessionId)) return [];
	const [row] = await db
		.select({ questions: catalogueModules.registrationQuestions })
		.from(catalogueSessions)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(eq(catalogueSessions.id, sessionId));
	return row?.questions ?? [];
}

/**
 * The answers to keep from what was sent (`raw` is the unvalidated input, so a problem with a
 * name and one with an answer are shown together), with problems as details at `answers.<id>`.
 */
export function checkedAnswers(questions: RegistrationQuestion[], raw: unknown, requireAnswers: boolean): { answers: Record<string, string>; details: ErrorDetail[] } {
	const given = raw && typeof raw === 'object' && 'answers' in raw ? (raw as { answers: unknown }).answers : {};
	if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
		return { answers: {}, details: [{ path: 'answers', message: 'Die Antworten werden als Objekt (Frage-Kennung → Antwort) erwartet.' }] };
	}
	const { answers, problems } = readAnswers(questions, (given ?? {}) as Record<string, unknown>, requireAnswers);
	return { answers, details: problems.map((p) => ({ path: `answers.${p.questionId}`, message: p.message })) };
}

/** The columns every new registration starts with: its session, the person's fields, when. */
export function newRegistration(session: { id: string; orgId: string }, input: RegistrationInput, now: Date, answers: Record<string, string> = {}) {
	return {
		sessionId: session.id,
		orgId: session.orgId,
		name: input.name,
		email: input.email,
		organisation: input.organisation,
		groupKey: input.group,
		accessibilityNeeds: input.accessibilityNeeds,
		answers,
		createdAt: now
	};
}
