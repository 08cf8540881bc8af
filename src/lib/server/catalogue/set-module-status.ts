import { and, eq } from 'drizzle-orm';
import { catalogueModules } from '../db/schema';
import type { TenantContext } from '../tenant';
import { ownModule } from './own-module';

/** Draft → published → archived, and back; publishing stamps the date the public sees. */
export async function setModuleStatus(ctx: TenantContext, moduleId: string, status: 'draft' | 'published' | 'archived'): Promise<void> {
	const module = await ownModule(ctx, moduleId);
	if (module.status === status) return;
	await ctx.db
		.update(catalogueModules)
		.set({ status, updatedAt: new Date(), ...(status === 'published' ? { publishedAt: new Date() } : {}) })
		.where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.orgId, ctx.org.orgId)));
}
