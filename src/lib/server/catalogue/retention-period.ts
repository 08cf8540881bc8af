import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueSettings } from '../db/schema';

export const DEFAULT_RETENTION_MONTHS = 12;

/** The retention period that applies to a module's registrations, in months. */
export async function retentionMonthsFor(db: Db, module: { orgId: string; retentionMonths: number | null }): Promise<number> {
	if (module.retentionMonths !== null) return module.retentionMonths;
	const [row] = await db.select({ months: catalogueSettings.retentionMonths }).from(catalogueSettings).where(eq(catalogueSettings.orgId, module.orgId));
	return row?.months ?? DEFAULT_RETENTION_MONTHS;
}
