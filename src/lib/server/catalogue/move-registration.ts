import { and, eq, inArray, sql } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import { movedMail } from './mails';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, lockSession, mailContext, newLink, sendAll, settle, takenSeats } from './locked-session';
import type { Mail } from '../mail/send-mail';
import { ownRegistration } from './own-registration';

/**
 * Moves a registration to another session of the organisation, if it has a free seat. Both
 * sessions are locked in a fixed order (by id), so two moves in opposite directions cannot deadlock.
 */
export async function moveRegistration(ctx: Organiser, registrationId: string, targetSessionId: string): Promise<void> {
	const registration = await ownRegistration(ctx, registrationId);
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
