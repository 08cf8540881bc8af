import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueRegistrations } from '../db/schema';
import type { Visitor } from './catalogue-context';
import { HOLD_HOURS, hours, withSession } from './locked-session';

export interface SeatCount {
	confirmed: number;
	/** Pending confirmations and open offers whose hold has not ended. */
	held: number;
	waitlisted: number;
	/** Free for a new registration: no hold, no waiting list in front. */
	free: number;
	/** Whether lazy expiry/promotion has work to do. */
	needsSettling: boolean;
}

/** Seat counts as they are after settling, computed without writing (for lists and the public pages). */
export async function seatCounts(db: Db, sessions: { id: string; capacity: number; startsAt: Date; status: string }[], now = new Date()): Promise<Map<string, SeatCount>> {
	const counts = new Map<string, SeatCount>();
	if (!sessions.length) return counts;
	const staleBefore = new Date(now.getTime() - hours(HOLD_HOURS));
	const rows = await db
		.select({
			sessionId: catalogueRegistrations.sessionId,
			confirmed: sql<number>`count(*) FILTER (WHERE ${catalogueRegistrations.status} = 'confirmed')::int`,
			held: sql<number>`count(*) FILTER (WHERE ${catalogueRegistrations.status} IN ('pending_confirmation', 'offered') AND ${catalogueRegistrations.holdUntil} > ${now})::int`,
			expiredHolds: sql<number>`count(*) FILTER (WHERE ${catalogueRegistrations.status} IN ('pending_confirmation', 'offered') AND ${catalogueRegistrations.holdUntil} <= ${now})::int`,
			waitlisted: sql<number>`count(*) FILTER (WHERE ${catalogueRegistrations.status} = 'waitlisted' AND (${catalogueRegistrations.emailConfirmedAt} IS NOT NULL OR ${catalogueRegistrations.createdAt} > ${staleBefore}))::int`,
			staleWaitlist: sql<number>`count(*) FILTER (WHERE ${catalogueRegistrations.status} = 'waitlisted' AND ${catalogueRegistrations.emailConfirmedAt} IS NULL AND ${catalogueRegistrations.createdAt} <= ${staleBefore})::int`
		})
		.from(catalogueRegistrations)
		.where(inArray(catalogueRegistrations.sessionId, sessions.map((s) => s.id)))
		.groupBy(catalogueRegistrations.sessionId);
	const bySession = new Map(rows.map((row) => [row.sessionId, row]));
	for (const session of sessions) {
		const row = bySession.get(session.id) ?? { confirmed: 0, held: 0, expiredHolds: 0, waitlisted: 0, staleWaitlist: 0 };
		const taken = row.confirmed + row.held;
		const upcoming = now < session.startsAt && session.status !== 'cancelled';
		counts.set(session.id, {
			confirmed: row.confirmed,
			held: row.held,
			waitlisted: row.waitlisted,
			free: Math.max(0, session.capacity - taken - row.waitlisted),
			needsSettling: row.expiredHolds > 0 || row.staleWaitlist > 0 || (upcoming && row.waitlisted > 0 && taken < session.capacity)
		});
	}
	return counts;
}

/** Settles the sessions whose counts say so, each in its own short transaction. */
export async function settleWhereNeeded(ctx: Visitor, sessionIds: string[], counts: Map<string, SeatCount>): Promise<boolean> {
	let settled = false;
	for (const id of sessionIds) {
		if (!counts.get(id)?.needsSettling) continue;
		await withSession(ctx, id, async () => undefined);
		settled = true;
	}
	return settled;
}
