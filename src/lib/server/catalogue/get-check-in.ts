import { and, eq } from 'drizzle-orm';
import { catalogueModules, catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';

/** /app/katalog/einlass/{id}: whom the scanned code belongs to, for which session, and whether they are in. */
export async function getCheckIn(ctx: TenantContext, registrationId: string) {
	const [row] = isUuid(registrationId)
		? await ctx.db
				.select({
					id: catalogueRegistrations.id,
					name: catalogueRegistrations.name,
					organisation: catalogueRegistrations.organisation,
					status: catalogueRegistrations.status,
					attended: catalogueRegistrations.attended,
					anonymisedAt: catalogueRegistrations.anonymisedAt,
					sessionId: catalogueSessions.id,
					parts: catalogueSessions.parts,
					location: catalogueSessions.location,
					moduleTitle: catalogueModules.title
				})
				.from(catalogueRegistrations)
				.innerJoin(catalogueSessions, eq(catalogueSessions.id, catalogueRegistrations.sessionId))
				.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
				.where(and(eq(catalogueRegistrations.id, registrationId), eq(catalogueRegistrations.orgId, ctx.org.orgId)))
		: [];
	if (!row || row.anonymisedAt) throw new AppError('not_found', 'Zu diesem Code gibt es keine Anmeldung (mehr).');
	return {
		registration: { id: row.id, name: row.name, organisation: row.organisation, status: row.status, attended: row.attended },
		session: { id: row.sessionId, parts: row.parts, location: row.location },
		module: { title: row.moduleTitle }
	};
}
