import { and, eq, sql } from 'drizzle-orm';
import { catalogueRegistrations, catalogueSessions } from '../db/schema';
import type { Visitor } from './catalogue-context';
import { HOLD_HOURS, hours, withSession } from './locked-session';

/**
 * Settles every upcoming session with an expired hold or offer, or a waiting-list entry whose
 * address was never confirmed: the next person is offered the seat and told by mail on time.
 * Returns how many sessions were settled.
 */
export async function settleDueSessions(ctx: Visitor): Promise<number> {
	const { db, now } = ctx;
	const staleBefore = new Date(now.getTime() - hours(HOLD_HOURS));
	const due = await db
		.selectDistinct({ id: catalogueSessions.id })
		.from(catalogueRegistrations)
		.innerJoin(catalogueSessions, eq(catalogueSessions.id, catalogueRegistrations.sessionId))
		.where(
			and(
				sql`${catalogueSessions.startsAt} > ${now}`,
				sql`${catalogueSessions.status} <> 'cancelled'`,
				sql`((${catalogueRegistrations.status} IN ('pending_confirmation', 'offered') AND ${catalogueRegistrations.holdUntil} <= ${now})
					OR (${catalogueRegistrations.status} = 'waitlisted' AND ${catalogueRegistrations.emailConfirmedAt} IS NULL AND ${catalogueRegistrations.createdAt} <= ${staleBefore}))`
			)
		);
	for (const { id } of due) await withSession(ctx, id, async () => undefined);
	return due.length;
}
