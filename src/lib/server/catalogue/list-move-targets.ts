import { and, asc, eq, sql } from 'drizzle-orm';
import { catalogueModules, catalogueSessions } from '../db/schema';
import type { TenantContext } from '../tenant';
import { type SessionRow } from './module-views';

/** Other sessions of the organisation a registration could be moved to (upcoming, not cancelled). */
export async function moveTargets(ctx: TenantContext, excludeSessionId: string): Promise<{ id: string; moduleTitle: string; startsAt: Date; parts: SessionRow['parts'] }[]> {
	return ctx.db
		.select({ id: catalogueSessions.id, moduleTitle: catalogueModules.title, startsAt: catalogueSessions.startsAt, parts: catalogueSessions.parts })
		.from(catalogueSessions)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(
			and(
				eq(catalogueSessions.orgId, ctx.org.orgId),
				sql`${catalogueSessions.id} <> ${excludeSessionId}`,
				sql`${catalogueSessions.status} <> 'cancelled'`,
				sql`${catalogueSessions.startsAt} > now()`
			)
		)
		.orderBy(asc(catalogueSessions.startsAt))
		.limit(50);
}
