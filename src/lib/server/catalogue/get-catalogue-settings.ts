import { eq } from 'drizzle-orm';
import { catalogueSettings } from '../db/schema';
import type { TenantContext } from '../tenant';
import { DEFAULT_RETENTION_MONTHS } from './retention-period';

export interface CatalogueSettings {
	retentionMonths: number;
	offerWindowHours: number;
}

export async function getCatalogueSettings(ctx: TenantContext): Promise<CatalogueSettings> {
	const [row] = await ctx.db.select().from(catalogueSettings).where(eq(catalogueSettings.orgId, ctx.org.orgId));
	return { retentionMonths: row?.retentionMonths ?? DEFAULT_RETENTION_MONTHS, offerWindowHours: row?.offerWindowHours ?? 48 };
}
