import type { OrgContext } from '../context';
import { getPlan } from './get-plan';
import { listPlans, type PlanListEntry } from './list-plans';

/** The plans page: every plan with its coverage sentence, and the studies a new plan can start from. */
export async function listPlanOverview(ctx: OrgContext): Promise<{ plans: (PlanListEntry & { coverageSentence: string })[]; studies: { id: string; title: string; rounds: number[] }[] }> {
	const { plans, studies } = await listPlans(ctx);
	const withCoverage = await Promise.all(plans.map(async (plan) => ({ ...plan, coverageSentence: (await getPlan(ctx, plan.id)).coverageSentence })));
	return { plans: withCoverage, studies };
}
