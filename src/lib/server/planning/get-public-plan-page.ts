import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { organisations, qualificationPlans } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../validate';
import { getPublicPlan, type PublicPlanView } from './get-public-plan';

/** A published plan under its organisation's public address (/o/<slug>/plaene/<id>); any other address is 404. */
export async function getPublicPlanPage(ctx: RequestContext, slug: string, planId: string): Promise<{ organisation: { name: string; slug: string }; plan: PublicPlanView }> {
	const missing = new AppError('not_found', 'Diesen Qualifizierungsplan gibt es nicht.');
	if (!isUuid(planId)) throw missing;
	const [row] = await ctx.db
		.select({ name: organisations.name, slug: organisations.slug })
		.from(qualificationPlans)
		.innerJoin(organisations, eq(organisations.id, qualificationPlans.orgId))
		.where(and(eq(qualificationPlans.id, planId), eq(organisations.slug, slug)));
	if (!row) throw missing;
	return { organisation: row, plan: await getPublicPlan(ctx, planId) };
}
