import type { PlanGapDecisionInput } from '../../schemas/planning';
import type { OrgContext } from '../context';
import { planGapDecisions } from '../db/schema';
import { planOfOrg, requireMeasuredGap, resultsOfPlan, touchPlan } from './plan-records';

/**
 * Prioritise a gap (also one below the plan's rule) or drop it with a reason; deciding again
 * replaces the decision. Only gaps the protected results show a figure for can be decided.
 */
export async function decideGap(ctx: OrgContext, planId: string, input: PlanGapDecisionInput): Promise<{ competence: string; horizon: string; status: 'prioritised' | 'dropped' }> {
	return ctx.db.transaction(async (tx) => {
		const plan = await planOfOrg({ ...ctx, db: tx }, planId, true);
		const { results, instrument } = await resultsOfPlan(tx, plan);
		requireMeasuredGap(results, instrument, input.competence, input.horizon);
		const values = { status: input.status, reason: input.reason, decidedBy: ctx.actor.userId, decidedAt: ctx.now };
		await tx
			.insert(planGapDecisions)
			.values({ planId: plan.id, competence: input.competence, horizon: input.horizon, ...values })
			.onConflictDoUpdate({ target: [planGapDecisions.planId, planGapDecisions.competence, planGapDecisions.horizon], set: values });
		await touchPlan(tx, plan, ctx.now);
		return { competence: input.competence, horizon: input.horizon, status: input.status };
	});
}
