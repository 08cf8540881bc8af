import { and, eq, inArray } from 'drizzle-orm';
import type { SessionStatus } from '../../schemas/catalogue';
import { catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { sessionCancelledMail, type MailContext } from './mails';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, mailContext, withSession } from './locked-session';

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
