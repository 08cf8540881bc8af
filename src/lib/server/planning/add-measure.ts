import type { PlanMeasureCreateInput } from '../../schemas/planning';
import type { OrgContext } from '../context';
import { planMeasures } from '../db/schema';
import { planOfOrg, requireMeasuredGap, resultsOfPlan, touchPlan } from './plan-records';
import { requireOwnModule } from './plan-measure-rules';

/** A measure for a measured gap: one of the organisation's modules (or none yet), slot, target group, responsible person, budget. */
export async function addMeasure(ctx: OrgContext, planId: string, input: PlanMeasureCreateInput): Promise<{ id: string }> {
	return ctx.db.transaction(async (tx) => {
		const scoped = { ...ctx, db: tx };
		const plan = await planOfOrg(scoped, planId, true);
		const { results, instrument } = await resultsOfPlan(tx, plan);
		requireMeasuredGap(results, instrument, input.competence, input.horizon);
		if (input.moduleId) await requireOwnModule(scoped, input.moduleId);
		const [created] = await tx
			.insert(planMeasures)
			.values({ planId: plan.id, ...input, createdAt: ctx.now, updatedAt: ctx.now })
			.returning({ id: planMeasures.id });
		await touchPlan(tx, plan, ctx.now);
		return created;
	});
}
