import { eq } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import { confirmedMail } from './mails';
import type { Visitor } from './catalogue-context';
import { calendarUrl, mailContext, newLink } from './locked-session';
import { type RegistrationView, onRegistration } from './registration-link';

/**
 * Confirms the address (double opt-in) and, for a held seat or a waiting-list offer, the seat.
 * A waiting-list entry stays on the list with its address confirmed. Confirming twice is harmless.
 */
export async function confirmRegistration(ctx: Visitor, token: string): Promise<RegistrationView> {
	const now = ctx.now;
	const { view, lock } = await onRegistration(ctx, token, async (tx, lock, registration, mails) => {
		switch (registration.status) {
			case 'pending_confirmation':
			case 'offered': {
				await tx
					.update(catalogueRegistrations)
					.set({ status: 'confirmed', holdUntil: null, confirmedAt: now, emailConfirmedAt: registration.emailConfirmedAt ?? now })
					.where(eq(catalogueRegistrations.id, registration.id));
				mails.push(confirmedMail(mailContext(lock, ctx), registration, await newLink(tx, registration.id), calendarUrl(ctx, lock.session.id)));
				return;
			}
			case 'waitlisted':
				if (!registration.emailConfirmedAt) await tx.update(catalogueRegistrations).set({ emailConfirmedAt: now }).where(eq(catalogueRegistrations.id, registration.id));
				return;
			case 'confirmed':
				return;
			case 'expired':
				throw new AppError('gone', 'Die Zeit für die Bestätigung ist leider abgelaufen. Bitte melden Sie sich noch einmal an, wenn noch Plätze frei sind.');
			case 'cancelled':
				throw new AppError('gone', 'Diese Anmeldung wurde schon storniert.');
		}
	});
	return { ...view, lock };
}
