import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import { catalogueFacilitators, catalogueModules, catalogueSessions } from '../db/schema';
import type { Db } from '../db/client';
import { seatCounts, settleWhereNeeded, type SeatCount } from './seat-counts';
import type { Visitor } from './catalogue-context';

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

export interface ModuleDetail {
	module: ModuleRow;
	facilitators: FacilitatorView[];
	sessions: SessionView[];
}
