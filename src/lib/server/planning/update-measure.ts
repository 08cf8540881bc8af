import { eq } from 'drizzle-orm';
import type { PlanMeasureUpdateInput } from '../../schemas/planning';
import type { OrgContext } from '../context';
import { planMeasures } from '../db/schema';
import { planOfOrg, touchPlan } from './plan-records';
import { measureOfPlan, requireOwnModule } from './plan-measure-rules';

/** Changes the fields sent (module, slot, target group, responsible person, budget, notes); the gap stays. */
export async function updateMeasure(ctx: OrgContext, planId: string, measureId: string, input: PlanMeasureUpdateInput): Promise<{ id: string }> {
	return ctx.db.transaction(async (tx) => {
		const scoped = { ...ctx, db: tx };
		const plan = await planOfOrg(scoped, planId, true);
		const measure = await measureOfPlan(scoped, plan, measureId);
		if (input.moduleId) await requireOwnModule(scoped, input.moduleId);
		const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
		await tx
			.update(planMeasures)
			.set({ ...changes, updatedAt: ctx.now })
			.where(eq(planMeasures.id, measure.id));
		await touchPlan(tx, plan, ctx.now);
		return { id: measure.id };
	});
}
