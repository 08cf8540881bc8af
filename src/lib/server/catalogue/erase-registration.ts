import { eq } from 'drizzle-orm';
import { catalogueCertificates, catalogueRegistrationLinks, catalogueRegistrations } from '../db/schema';
import type { Organiser } from './catalogue-context';
import { ACTIVE_STATUSES, settle, withSession } from './locked-session';
import { ownRegistration } from './own-registration';

/**
 * Deletes a person's data on request (Art. 17 DSGVO): name, address, organisation, needs and answers
 * are removed, links stop working, a certificate is withdrawn. The row stays as an anonymous count.
 */
export async function eraseRegistration(ctx: Organiser, registrationId: string): Promise<void> {
	const registration = await ownRegistration(ctx, registrationId);
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
export const ANONYMOUS = { name: '', email: '', organisation: '', accessibilityNeeds: '', answers: {} };
