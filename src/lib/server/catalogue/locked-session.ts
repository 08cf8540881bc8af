import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { hashToken, newSecretToken } from '../auth/secrets';
import type { Db } from '../db/client';
import { catalogueModules, catalogueRegistrationLinks, catalogueRegistrations, catalogueSessions, catalogueSettings, organisations } from '../db/schema';
import { sendMail, type Mail } from '../mail/send-mail';
import type { Visitor } from './catalogue-context';
import { offerExpiredMail, offerMail, type MailContext } from './mails';
import { isUuid } from '../validate';

/*
 * Seats, holds and the waiting list.
 *
 * Every change to a session's registrations runs in one transaction that first locks the
 * session row (SELECT … FOR UPDATE), so two people can never take the last seat at once.
 * A seat is held by a registration that is `confirmed`, `pending_confirmation` (until its
 * double opt-in hold ends, 48 h) or `offered` (a waiting-list promotion until its window ends).
 *
 * Expiry is processed by `settle`, which every write to a session runs first, which reads of the
 * public pages run for sessions that need it (`settleWhereNeeded`), and which the server runs for
 * every due session every few minutes (`settleDueSessions`), so nobody waits for a page view. It expires holds and offers whose time is up, drops waiting-list
 * entries whose e-mail address was not confirmed within 48 h, and offers free seats to the
 * waiting list in order of arrival. Mails are collected and sent after the commit.
 */

export const HOLD_HOURS = 48;
export const SEAT_STATUSES = ['pending_confirmation', 'confirmed', 'offered'] as const;
export const ACTIVE_STATUSES = ['pending_confirmation', 'confirmed', 'offered', 'waitlisted'] as const;

export type SessionRow = typeof catalogueSessions.$inferSelect;

export interface SessionLock {
	session: SessionRow;
	module: { id: string; title: string; status: 'draft' | 'published' | 'archived'; durationMinutes: number | null; notifyOnRegistration: boolean };
	orgName: string;
	orgSlug: string;
	offerWindowHours: number;
}

export const hours = (n: number) => n * 3600_000;

/** Locks the session row for the rest of the transaction; null when there is no such session. */
export async function lockSession(tx: Db, sessionId: string): Promise<SessionLock | null> {
	if (!isUuid(sessionId)) return null;
	const [session] = await tx.select().from(catalogueSessions).where(eq(catalogueSessions.id, sessionId)).for('update');
	if (!session) return null;
	const [info] = await tx
		.select({
			id: catalogueModules.id,
			title: catalogueModules.title,
			status: catalogueModules.status,
			durationMinutes: catalogueModules.durationMinutes,
			notifyOnRegistration: catalogueModules.notifyOnRegistration,
			orgName: organisations.name,
			orgSlug: organisations.slug,
			offerWindowHours: catalogueSettings.offerWindowHours
		})
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.leftJoin(catalogueSettings, eq(catalogueSettings.orgId, catalogueModules.orgId))
		.where(eq(catalogueModules.id, session.moduleId));
	return {
		session,
		module: { id: info.id, title: info.title, status: info.status, durationMinutes: info.durationMinutes, notifyOnRegistration: info.notifyOnRegistration },
		orgName: info.orgName,
		orgSlug: info.orgSlug,
		offerWindowHours: info.offerWindowHours ?? 48
	};
}

export function mailContext(lock: SessionLock, ctx: Pick<Visitor, 'baseUrl'>): MailContext {
	return {
		orgId: lock.session.orgId,
		orgName: lock.orgName,
		moduleTitle: lock.module.title,
		parts: lock.session.parts,
		location: lock.session.location,
		onlineUrl: lock.session.onlineUrl,
		baseUrl: ctx.baseUrl
	};
}

export function calendarUrl(ctx: Pick<Visitor, 'baseUrl'>, sessionId: string): string {
	return `${ctx.baseUrl}/api/v1/sessions/${sessionId}.ics`;
}

/** A new personal link for the registration; only its hash is stored. */
export async function newLink(tx: Db, registrationId: string): Promise<string> {
	const token = newSecretToken('swr_');
	await tx.insert(catalogueRegistrationLinks).values({ tokenHash: hashToken(token), registrationId });
	return token;
}

/** How long a hold or an offer lasts: its window, but never past the session's start. */
export function holdEnd(now: Date, windowHours: number, startsAt: Date): Date {
	return new Date(Math.min(now.getTime() + hours(windowHours), startsAt.getTime()));
}

export async function takenSeats(tx: Db, sessionId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), inArray(catalogueRegistrations.status, [...SEAT_STATUSES])));
	return row.n;
}

export async function waitlistLength(tx: Db, sessionId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.status, 'waitlisted')));
	return row.n;
}

/** 1-based place on the waiting list. */
export async function waitlistPosition(tx: Db, sessionId: string, seq: number): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.status, 'waitlisted'), lte(catalogueRegistrations.seq, seq)));
	return row.n;
}

/** Applies expiry and promotion to a locked session; returns the mails to send after the commit. */
export async function settle(tx: Db, lock: SessionLock, ctx: Visitor): Promise<Mail[]> {
	// Settling mails offers; a page viewed under a foreign Host leaves it to the five-minute job.
	if (!ctx.mailHostAccepted) return [];
	const { now } = ctx;
	const { session } = lock;
	const mail = mailContext(lock, ctx);
	const mails: Mail[] = [];

	const ended = await tx
		.select({ id: catalogueRegistrations.id, status: catalogueRegistrations.status, name: catalogueRegistrations.name, email: catalogueRegistrations.email })
		.from(catalogueRegistrations)
		.where(
			and(
				eq(catalogueRegistrations.sessionId, session.id),
				inArray(catalogueRegistrations.status, ['pending_confirmation', 'offered']),
				lte(catalogueRegistrations.holdUntil, now)
			)
		);
	if (ended.length) {
		await tx
			.update(catalogueRegistrations)
			.set({ status: 'expired', holdUntil: null })
			.where(inArray(catalogueRegistrations.id, ended.map((row) => row.id)));
		// An unconfirmed registration simply lapses; someone who let an offer pass is told.
		for (const row of ended) if (row.status === 'offered') mails.push(offerExpiredMail(mail, row));
	}
	await tx
		.update(catalogueRegistrations)
		.set({ status: 'expired' })
		.where(
			and(
				eq(catalogueRegistrations.sessionId, session.id),
				eq(catalogueRegistrations.status, 'waitlisted'),
				isNull(catalogueRegistrations.emailConfirmedAt),
				lte(catalogueRegistrations.createdAt, new Date(now.getTime() - hours(HOLD_HOURS)))
			)
		);

	if (session.status !== 'cancelled' && now < session.startsAt) {
		let free = session.capacity - (await takenSeats(tx, session.id));
		if (free > 0) {
			const next = await tx
				.select()
				.from(catalogueRegistrations)
				.where(and(eq(catalogueRegistrations.sessionId, session.id), eq(catalogueRegistrations.status, 'waitlisted')))
				.orderBy(asc(catalogueRegistrations.seq))
				.limit(free);
			for (const person of next) {
				const holdUntil = holdEnd(now, lock.offerWindowHours, session.startsAt);
				await tx.update(catalogueRegistrations).set({ status: 'offered', holdUntil }).where(eq(catalogueRegistrations.id, person.id));
				mails.push(offerMail(mail, person, await newLink(tx, person.id), holdUntil));
				free -= 1;
			}
		}
	}
	return mails;
}

export async function sendAll(db: Db, mails: Mail[]): Promise<void> {
	for (const mail of mails) await sendMail(db, mail);
}

/** Runs `work` on the locked and settled session in one transaction, then sends the collected mails. */
export async function withSession<T>(ctx: Visitor, sessionId: string, work: (tx: Db, lock: SessionLock, mails: Mail[]) => Promise<T>): Promise<{ lock: SessionLock; result: T } | null> {
	const outcome = await ctx.db.transaction(async (tx) => {
		const lock = await lockSession(tx, sessionId);
		if (!lock) return null;
		const mails = await settle(tx, lock, ctx);
		const result = await work(tx, lock, mails);
		return { lock, result, mails };
	});
	if (!outcome) return null;
	await sendAll(ctx.db, outcome.mails);
	return { lock: outcome.lock, result: outcome.result };
}
