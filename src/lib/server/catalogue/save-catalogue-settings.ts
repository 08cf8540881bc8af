import { catalogueSettingsSchema } from '../../schemas/catalogue';
import { catalogueSettings } from '../db/schema';
import type { TenantContext } from '../tenant';
import { validate } from '../validate';
import { type CatalogueSettings } from './get-catalogue-settings';

export async function saveCatalogueSettings(ctx: TenantContext, raw: unknown): Promise<CatalogueSettings> {
	const input = validate(catalogueSettingsSchema, raw);
	await ctx.db
		.insert(catalogueSettings)
		.values({ orgId: ctx.org.orgId, ...input })
		.onConflictDoUpdate({ target: catalogueSettings.orgId, set: { ...input, updatedAt: new Date() } });
	return input;
}
