import { eq } from 'drizzle-orm';
import type { OrgContext } from '../context';
import { planMeasures } from '../db/schema';
import { planOfOrg, touchPlan } from './plan-records';
import { measureOfPlan } from './plan-measure-rules';

/** Removes a measure from the plan; a module made for it stays in the catalogue. */
export async function removeMeasure(ctx: OrgContext, planId: string, measureId: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const scoped = { ...ctx, db: tx };
		const plan = await planOfOrg(scoped, planId, true);
		const measure = await measureOfPlan(scoped, plan, measureId);
		await tx.delete(planMeasures).where(eq(planMeasures.id, measure.id));
		await touchPlan(tx, plan, ctx.now);
	});
}
