import { and, eq, inArray } from 'drizzle-orm';
import { sessionInputSchema, type SessionStatus } from '../../schemas/catalogue';
import { catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { sessionCancelledMail, type MailContext } from './mails';
import { findOwnModule } from './own-module';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, mailContext, settle, takenSeats, withSession } from './locked-session';
import { validate } from '../validate';

function spanOf(parts: { start: Date; end: Date }[]) {
	return {
		startsAt: parts[0].start,
		endsAt: new Date(Math.max(...parts.map((part) => part.end.getTime()))),
		parts: parts.map((part) => ({ start: part.start.toISOString(), end: part.end.toISOString() }))
	};
}

/** Adds a session (one or several dates) to one of the organisation's modules. */
export async function createSession(ctx: TenantContext, moduleId: string, raw: unknown): Promise<{ id: string }> {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	const input = validate(sessionInputSchema, raw);
	const [created] = await ctx.db
		.insert(catalogueSessions)
		.values({
			moduleId: module.id,
			orgId: ctx.org.orgId,
			...spanOf(input.parts),
			location: input.location,
			onlineUrl: input.onlineUrl,
			capacity: input.capacity,
			registrationDeadline: input.registrationDeadline,
			note: input.note
		})
		.returning({ id: catalogueSessions.id });
	return created;
}

/** Changes a session; the capacity cannot drop below the seats already taken, a larger one goes to the waiting list. */
export async function updateSession(ctx: Organiser, sessionId: string, raw: unknown): Promise<void> {
	const input = validate(sessionInputSchema, raw);
	const outcome = await withSession(ctx, sessionId, async (tx, lock, mails) => {
		if (lock.session.orgId !== ctx.org.orgId) return null;
		const taken = await takenSeats(tx, lock.session.id);
		if (input.capacity < taken) {
			throw new AppError('conflict', `Es sind schon ${taken} Plätze vergeben. Die Zahl der Plätze kann nicht kleiner werden.`, [
				{ path: 'capacity', message: `Mindestens ${taken} Plätze – so viele sind schon vergeben.` }
			]);
		}
		const [updated] = await tx
			.update(catalogueSessions)
			.set({ ...spanOf(input.parts), location: input.location, onlineUrl: input.onlineUrl, capacity: input.capacity, registrationDeadline: input.registrationDeadline, note: input.note })
			.where(eq(catalogueSessions.id, lock.session.id))
			.returning();
		mails.push(...(await settle(tx, { ...lock, session: updated }, ctx)));
		return true;
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
}

/**
 * Opens or closes registration, or cancels the session (everyone registered is told by mail).
 * Closing stops new registrations; seats freed later still go to the waiting list.
 */
export async function setSessionStatus(ctx: Organiser, sessionId: string, status: SessionStatus): Promise<void> {
	const outcome = await withSession(ctx, sessionId, async (tx, lock, mails) => {
		if (lock.session.orgId !== ctx.org.orgId) return null;
		if (lock.session.status === status) return true;
		if (lock.session.status === 'cancelled') throw new AppError('conflict', 'Ein abgesagter Termin kann nicht wieder geöffnet werden. Legen Sie bitte einen neuen Termin an.');
		await tx.update(catalogueSessions).set({ status }).where(eq(catalogueSessions.id, lock.session.id));
		if (status === 'cancelled') {
			const ctxMail: MailContext = mailContext(lock, ctx);
			const affected = await tx
				.select()
				.from(catalogueRegistrations)
				.where(and(eq(catalogueRegistrations.sessionId, lock.session.id), inArray(catalogueRegistrations.status, [...ACTIVE_STATUSES])));
			await tx
				.update(catalogueRegistrations)
				.set({ holdUntil: null })
				.where(and(eq(catalogueRegistrations.sessionId, lock.session.id), inArray(catalogueRegistrations.status, ['pending_confirmation', 'offered'])));
			for (const person of affected) mails.push(sessionCancelledMail(ctxMail, person));
		}
		return true;
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
}
