import { and, eq, inArray } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';

/** Marks who was there (facilitators on a tablet, or organisers afterwards). */
export async function setAttendance(ctx: TenantContext, sessionId: string, attended: Record<string, boolean>): Promise<number> {
	if (!isUuid(sessionId)) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const ids = Object.keys(attended).filter(isUuid);
	if (!ids.length) return 0;
	const rows = await ctx.db
		.select({ id: catalogueRegistrations.id })
		.from(catalogueRegistrations)
		.where(
			and(
				eq(catalogueRegistrations.sessionId, sessionId),
				eq(catalogueRegistrations.orgId, ctx.org.orgId),
				eq(catalogueRegistrations.status, 'confirmed'),
				inArray(catalogueRegistrations.id, ids)
			)
		);
	for (const row of rows) await ctx.db.update(catalogueRegistrations).set({ attended: attended[row.id] }).where(eq(catalogueRegistrations.id, row.id));
	return rows.length;
}
