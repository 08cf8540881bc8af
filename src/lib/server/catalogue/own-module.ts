import { and, eq } from 'drizzle-orm';
import { catalogueModules } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';

export async function findOwnModule(ctx: TenantContext, moduleId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(moduleId)) return undefined;
	const [row] = await ctx.db.select().from(catalogueModules).where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.orgId, ctx.org.orgId)));
	return row;
}

/** One of the organisation's modules; 404 for other organisations' and unknown ids. */
export async function ownModule(ctx: TenantContext, moduleId: string) {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	return module;
}
