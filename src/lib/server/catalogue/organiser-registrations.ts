import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { catalogueCertificates, catalogueRegistrationLinks, catalogueRegistrations } from '../db/schema';
import type { Db } from '../db/client';
import { can } from '../auth/actor';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { cancelledMail, movedMail } from './mails';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, lockSession, mailContext, newLink, sendAll, settle, takenSeats, withSession } from './locked-session';
import { isUuid } from '../validate';
import type { Mail } from '../mail/send-mail';

export type RegistrationRow = typeof catalogueRegistrations.$inferSelect;

async function ownRegistration(db: Db, ctx: TenantContext, registrationId: string): Promise<RegistrationRow> {
	const [row] = isUuid(registrationId)
		? await db
				.select()
				.from(catalogueRegistrations)
				.where(and(eq(catalogueRegistrations.id, registrationId), eq(catalogueRegistrations.orgId, ctx.org.orgId)))
		: [];
	if (!row) throw new AppError('not_found', 'Diese Anmeldung gibt es nicht.');
	return row;
}

const ENTRY = {
	id: catalogueRegistrations.id,
	name: catalogueRegistrations.name,
	organisation: catalogueRegistrations.organisation,
	groupKey: catalogueRegistrations.groupKey,
	accessibilityNeeds: catalogueRegistrations.accessibilityNeeds,
	status: catalogueRegistrations.status,
	holdUntil: catalogueRegistrations.holdUntil,
	anonymisedAt: catalogueRegistrations.anonymisedAt
};

/** A registration as the session's page lists it; `email` only for those who manage (organisers). */
export type RegistrationEntry = Pick<RegistrationRow, keyof typeof ENTRY> & { email?: string };

/**
 * A session's registrations in the order the list shows them: seats first, then the waiting list,
 * then the rest. Facilitators see who comes and what they need, not how to reach them: their
 * entries carry no e-mail address at all (the column is not even read).
 */
export async function sessionRegistrations(ctx: TenantContext, sessionId: string): Promise<RegistrationEntry[]> {
	if (!isUuid(sessionId)) return [];
	const columns: typeof ENTRY & { email?: typeof catalogueRegistrations.email } = can(ctx.actor, 'org.manage') ? { ...ENTRY, email: catalogueRegistrations.email } : ENTRY;
	return ctx.db
		.select(columns)
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.orgId, ctx.org.orgId)))
		.orderBy(
			sql`CASE ${catalogueRegistrations.status} WHEN 'confirmed' THEN 0 WHEN 'offered' THEN 1 WHEN 'pending_confirmation' THEN 2 WHEN 'waitlisted' THEN 3 ELSE 4 END`,
			asc(catalogueRegistrations.seq)
		);
}

/** An organiser cancels a registration; the person is told and the seat goes to the waiting list. */
export async function cancelByOrganiser(ctx: Organiser, registrationId: string): Promise<void> {
	const registration = await ownRegistration(ctx.db, ctx, registrationId);
	const now = ctx.now;
	await withSession(ctx, registration.sessionId, async (tx, lock, mails) => {
		const [current] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id));
		if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status)) throw new AppError('conflict', 'Diese Anmeldung ist nicht mehr aktiv.');
		await tx.update(catalogueRegistrations).set({ status: 'cancelled', holdUntil: null, cancelledAt: now }).where(eq(catalogueRegistrations.id, current.id));
		if (!current.anonymisedAt) mails.push(cancelledMail(mailContext(lock, ctx), current, true));
		mails.push(...(await settle(tx, lock, ctx)));
	});
}

/**
 * Moves a registration to another session of the organisation, if it has a free seat. Both
 * sessions are locked in a fixed order (by id), so two moves in opposite directions cannot deadlock.
 */
export async function moveRegistration(ctx: Organiser, registrationId: string, targetSessionId: string): Promise<void> {
	const registration = await ownRegistration(ctx.db, ctx, registrationId);
	if (registration.sessionId === targetSessionId) throw new AppError('validation_failed', 'Bitte wählen Sie einen anderen Termin.', [{ path: 'targetSessionId', message: 'Die Person ist schon für diesen Termin angemeldet.' }]);
	const now = ctx.now;
	const mails: Mail[] = [];
	await ctx.db.transaction(async (tx) => {
		const ids = [registration.sessionId, targetSessionId].sort();
		const locks = [];
		for (const id of ids) locks.push(await lockSession(tx, id));
		const source = locks.find((lock) => lock?.session.id === registration.sessionId);
		const target = locks.find((lock) => lock?.session.id === targetSessionId);
		if (!source || !target || target.session.orgId !== ctx.org.orgId) {
			throw new AppError('not_found', 'Diesen Termin gibt es nicht.', [{ path: 'targetSessionId', message: 'Diesen Termin gibt es nicht.' }]);
		}
		for (const lock of [source, target]) mails.push(...(await settle(tx, lock, ctx)));
		const [current] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id));
		if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status)) throw new AppError('conflict', 'Diese Anmeldung ist nicht mehr aktiv.');
		if (target.session.status === 'cancelled' || now >= target.session.startsAt) throw new AppError('conflict', 'Auf diesen Termin kann niemand mehr verlegt werden.');
		if ((await takenSeats(tx, target.session.id)) >= target.session.capacity) {
			throw new AppError('conflict', 'Der andere Termin ist voll. Verlegen ist nur auf einen Termin mit freiem Platz möglich.', [{ path: 'targetSessionId', message: 'Dieser Termin ist voll.' }]);
		}
		const [duplicate] = await tx
			.select({ id: catalogueRegistrations.id })
			.from(catalogueRegistrations)
			.where(and(eq(catalogueRegistrations.sessionId, target.session.id), sql`lower(${catalogueRegistrations.email}) = ${current.email.toLowerCase()}`, inArray(catalogueRegistrations.status, [...ACTIVE_STATUSES])));
		if (duplicate) throw new AppError('conflict', 'Diese Person ist für den anderen Termin schon angemeldet.');
		const confirmed = current.status === 'confirmed' || current.emailConfirmedAt !== null;
		await tx
			.update(catalogueRegistrations)
			.set({
				sessionId: target.session.id,
				status: confirmed ? 'confirmed' : current.status === 'waitlisted' ? 'pending_confirmation' : current.status,
				confirmedAt: confirmed ? (current.confirmedAt ?? now) : null,
				holdUntil: confirmed ? null : (current.holdUntil ?? new Date(Math.min(now.getTime() + 48 * 3600_000, target.session.startsAt.getTime())))
			})
			.where(eq(catalogueRegistrations.id, current.id));
		mails.push(movedMail(mailContext(target, ctx), current, await newLink(tx, current.id)));
		mails.push(...(await settle(tx, source, ctx)));
	});
	await sendAll(ctx.db, mails);
}

/** Marks who was there (facilitators on a tablet, or organisers afterwards). */
export async function setAttendance(ctx: TenantContext, sessionId: string, attended: Record<string, boolean>): Promise<number> {
	if (!isUuid(sessionId)) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const ids = Object.keys(attended).filter(isUuid);
	if (!ids.length) return 0;
	const rows = await ctx.db
		.select({ id: catalogueRegistrations.id })
		.from(catalogueRegistrations)
		.where(
			and(
				eq(catalogueRegistrations.sessionId, sessionId),
				eq(catalogueRegistrations.orgId, ctx.org.orgId),
				eq(catalogueRegistrations.status, 'confirmed'),
				inArray(catalogueRegistrations.id, ids)
			)
		);
	for (const row of rows) await ctx.db.update(catalogueRegistrations).set({ attended: attended[row.id] }).where(eq(catalogueRegistrations.id, row.id));
	return rows.length;
}

/**
 * Deletes a person's data on request (Art. 17 DSGVO): name, address, organisation and needs are
 * removed, links stop working, a certificate is withdrawn. The row stays as an anonymous count.
 */
export async function eraseRegistration(ctx: Organiser, registrationId: string): Promise<void> {
	const registration = await ownRegistration(ctx.db, ctx, registrationId);
	const now = ctx.now;
	await withSession(ctx, registration.sessionId, async (tx, lock, mails) => {
		await tx
			.update(catalogueRegistrations)
			.set({
				...ANONYMOUS,
				status: (ACTIVE_STATUSES as readonly string[]).includes(registration.status) && now < lock.session.startsAt ? 'cancelled' : registration.status,
				cancelledAt: registration.cancelledAt ?? ((ACTIVE_STATUSES as readonly string[]).includes(registration.status) && now < lock.session.startsAt ? now : null),
				holdUntil: null,
				anonymisedAt: now
			})
			.where(eq(catalogueRegistrations.id, registration.id));
		await tx.delete(catalogueRegistrationLinks).where(eq(catalogueRegistrationLinks.registrationId, registration.id));
		await tx.delete(catalogueCertificates).where(eq(catalogueCertificates.registrationId, registration.id));
		mails.push(...(await settle(tx, lock, ctx)));
	});
}

/** What an anonymised registration keeps: its status, group and attendance, for counts only. */
export const ANONYMOUS = { name: '', email: '', organisation: '', accessibilityNeeds: '' } as const;
