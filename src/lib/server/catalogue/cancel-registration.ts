import { eq } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import { cancelledMail } from './mails';
import type { Visitor } from './catalogue-context';
import { mailContext, settle } from './locked-session';
import { type RegistrationView, onRegistration } from './registration-link';

/** Cancels through the personal link; the seat goes to the waiting list at once. Cancelling twice is harmless. */
export async function cancelRegistration(ctx: Visitor, token: string): Promise<RegistrationView> {
	const now = ctx.now;
	const { view, lock } = await onRegistration(ctx, token, async (tx, lock, registration, mails) => {
		if (registration.status === 'cancelled') return;
		if (registration.status === 'expired') throw new AppError('conflict', 'Diese Anmeldung ist schon abgelaufen. Sie müssen nichts weiter tun.');
		if (now >= lock.session.startsAt) throw new AppError('conflict', 'Der Termin hat schon begonnen. Eine Abmeldung ist nicht mehr möglich.');
		await tx.update(catalogueRegistrations).set({ status: 'cancelled', holdUntil: null, cancelledAt: now }).where(eq(catalogueRegistrations.id, registration.id));
		mails.push(cancelledMail(mailContext(lock, ctx), registration, false));
		// The freed seat is offered to the waiting list in the same transaction.
		mails.push(...(await settle(tx, lock, ctx)));
	});
	return { ...view, lock };
}
