import { and, eq } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getCheckIn } from './get-check-in';

/**
 * Marks the person behind a scanned check-in code as present (the same mark as the attendance
 * list). Only a confirmed seat can be checked in: someone on the waiting list or cancelled is
 * told so, and nothing changes. Checking in twice is harmless.
 */
export async function checkInRegistration(ctx: TenantContext, registrationId: string): Promise<{ done: 'checkedIn'; name: string }> {
	const { registration } = await getCheckIn(ctx, registrationId);
	if (registration.status !== 'confirmed') {
		throw new AppError('conflict', `${registration.name} hat keinen bestätigten Platz (Status: ${STATUS[registration.status] ?? registration.status}). Bitte klären Sie das am Einlass.`);
	}
	await ctx.db
		.update(catalogueRegistrations)
		.set({ attended: true })
		.where(and(eq(catalogueRegistrations.id, registration.id), eq(catalogueRegistrations.orgId, ctx.org.orgId)));
	return { done: 'checkedIn', name: registration.name };
}

const STATUS: Record<string, string> = {
	pending_confirmation: 'wartet auf Bestätigung',
	waitlisted: 'Warteliste',
	offered: 'Platz angeboten, noch nicht angenommen',
	cancelled: 'storniert',
	expired: 'abgelaufen'
};
