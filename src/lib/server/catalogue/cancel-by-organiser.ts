import { eq } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import { cancelledMail } from './mails';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, mailContext, settle, withSession } from './locked-session';
import { ownRegistration } from './own-registration';

/** An organiser cancels a registration; the person is told and the seat goes to the waiting list. */
export async function cancelByOrganiser(ctx: Organiser, registrationId: string): Promise<void> {
	const registration = await ownRegistration(ctx, registrationId);
	const now = ctx.now;
	await withSession(ctx, registration.sessionId, async (tx, lock, mails) => {
		const [current] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id));
		if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status)) throw new AppError('conflict', 'Diese Anmeldung ist nicht mehr aktiv.');
		await tx.update(catalogueRegistrations).set({ status: 'cancelled', holdUntil: null, cancelledAt: now }).where(eq(catalogueRegistrations.id, current.id));
		if (!current.anonymisedAt) mails.push(cancelledMail(mailContext(lock, ctx), current, true));
		mails.push(...(await settle(tx, lock, ctx)));
	});
}
