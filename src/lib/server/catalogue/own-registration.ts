import { and, eq } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';

export type RegistrationRow = typeof catalogueRegistrations.$inferSelect;

/** One of the organisation's registrations; 404 for another organisation's or an unknown id. */
export async function ownRegistration(ctx: TenantContext, registrationId: string): Promise<RegistrationRow> {
	const [row] = isUuid(registrationId)
		? await ctx.db
				.select()
				.from(catalogueRegistrations)
				.where(and(eq(catalogueRegistrations.id, registrationId), eq(catalogueRegistrations.orgId, ctx.org.orgId)))
		: [];
	if (!row) throw new AppError('not_found', 'Diese Anmeldung gibt es nicht.');
	return row;
}
