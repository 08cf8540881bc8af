import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { catalogueFacilitators, catalogueModules, catalogueSessions } from '../db/schema';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { findOwnModule } from './save-module';
import { seatCounts, settleWhereNeeded, type SeatCount } from './seat-counts';
import type { Organiser, Visitor } from './catalogue-context';
import { isUuid } from '../validate';

export type ModuleRow = typeof catalogueModules.$inferSelect;
export type SessionRow = typeof catalogueSessions.$inferSelect;

export interface FacilitatorView {
	id: string;
	name: string;
	organisation: string;
	sector: 'verwaltung' | 'zivilgesellschaft' | 'wirtschaft' | 'wissenschaft' | 'politik' | 'kultur';
	bio: string;
	hasPhoto: boolean;
}

export interface SessionView extends SessionRow {
	seats: SeatCount;
}

export async function facilitatorsOf(db: Db, moduleIds: string[]): Promise<Map<string, FacilitatorView[]>> {
	const byModule = new Map<string, FacilitatorView[]>();
	if (!moduleIds.length) return byModule;
	const rows = await db
		.select({
			id: catalogueFacilitators.id,
			moduleId: catalogueFacilitators.moduleId,
			name: catalogueFacilitators.name,
			organisation: catalogueFacilitators.organisation,
			sector: catalogueFacilitators.sector,
			bio: catalogueFacilitators.bio,
			hasPhoto: sql<boolean>`${catalogueFacilitators.photo} IS NOT NULL`
		})
		.from(catalogueFacilitators)
		.where(inArray(catalogueFacilitators.moduleId, moduleIds))
		.orderBy(asc(catalogueFacilitators.position));
	for (const { moduleId, ...facilitator } of rows) byModule.set(moduleId, [...(byModule.get(moduleId) ?? []), facilitator]);
	return byModule;
}

/** Sessions with their seat counts, settling those where holds ran out or the waiting list can move up. */
export async function sessionsWithSeats(ctx: Visitor, where: SQL): Promise<SessionView[]> {
	const { db, now } = ctx;
	const load = () => db.select().from(catalogueSessions).where(where).orderBy(asc(catalogueSessions.startsAt));
	let sessions = await load();
	let counts = await seatCounts(db, sessions, now);
	if (await settleWhereNeeded(ctx, sessions.map((s) => s.id), counts)) {
		sessions = await load();
		counts = await seatCounts(db, sessions, now);
	}
	return sessions.map((session) => ({ ...session, seats: counts.get(session.id)! }));
}

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

export interface ModuleDetail {
	module: ModuleRow;
	facilitators: FacilitatorView[];
	sessions: SessionView[];
}

/** One of the organisation's modules with facilitators and sessions; 404 for other organisations' ids. */
export async function getModule(ctx: Organiser, moduleId: string): Promise<ModuleDetail> {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	const facilitators = (await facilitatorsOf(ctx.db, [module.id])).get(module.id) ?? [];
	const sessions = await sessionsWithSeats(ctx, eq(catalogueSessions.moduleId, module.id));
	return { module, facilitators, sessions };
}

/** One of the organisation's sessions with its module. */
export async function getOwnSession(ctx: Organiser, sessionId: string): Promise<{ module: ModuleRow; session: SessionView }> {
	if (!isUuid(sessionId)) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const [row] = await ctx.db
		.select({ moduleId: catalogueSessions.moduleId })
		.from(catalogueSessions)
		.where(and(eq(catalogueSessions.id, sessionId), eq(catalogueSessions.orgId, ctx.org.orgId)));
	if (!row) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const module = (await findOwnModule(ctx, row.moduleId))!;
	const [session] = await sessionsWithSeats(ctx, eq(catalogueSessions.id, sessionId));
	return { module, session };
}

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
