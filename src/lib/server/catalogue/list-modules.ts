import { desc, eq, sql } from 'drizzle-orm';
import { catalogueModules, catalogueSessions } from '../db/schema';
import type { TenantContext } from '../tenant';
import { type ModuleRow } from './module-views';

export interface ModuleSummary {
	id: string;
	title: string;
	subtitle: string;
	format: ModuleRow['format'];
	status: ModuleRow['status'];
	updatedAt: Date;
	sessionCount: number;
	nextSession: Date | null;
}

/**
 * The organisation's modules, newest change first (archived ones last).
 * Session figures come from one grouped subquery joined on the module id: a correlated subquery written
 * with Drizzle column references loses its table names in a single-table select and compared sessions with themselves.
 */
export async function listModules(ctx: TenantContext): Promise<ModuleSummary[]> {
	const perModule = ctx.db
		.select({
			moduleId: catalogueSessions.moduleId,
			sessionCount: sql<number>`count(*)::int`.as('session_count'),
			nextSession: sql<Date | null>`min(${catalogueSessions.startsAt}) FILTER (WHERE ${catalogueSessions.startsAt} > now())`.as('next_session')
		})
		.from(catalogueSessions)
		.where(eq(catalogueSessions.orgId, ctx.org.orgId))
		.groupBy(catalogueSessions.moduleId)
		.as('sessions_per_module');
	const rows = await ctx.db
		.select({
			id: catalogueModules.id,
			title: catalogueModules.title,
			subtitle: catalogueModules.subtitle,
			format: catalogueModules.format,
			status: catalogueModules.status,
			updatedAt: catalogueModules.updatedAt,
			sessionCount: perModule.sessionCount,
			nextSession: perModule.nextSession
		})
		.from(catalogueModules)
		.leftJoin(perModule, eq(perModule.moduleId, catalogueModules.id))
		.where(eq(catalogueModules.orgId, ctx.org.orgId))
		.orderBy(sql`${catalogueModules.status} = 'archived'`, desc(catalogueModules.updatedAt));
	return rows.map((row) => ({
		...row,
		sessionCount: row.sessionCount ?? 0,
		nextSession: row.nextSession === null || row.nextSession === undefined ? null : new Date(row.nextSession)
	}));
}
