import type { OrgContext } from '../context';
import { planOfOrg } from './plan-records';
import { planView, type PlanView } from './plan-view';

/** The plan with its gaps, decisions, modules, coverage, measures, budget and learning paths. */
export async function getPlan(ctx: OrgContext, planId: string): Promise<PlanView> {
	return planView(ctx.db, await planOfOrg(ctx, planId), ctx.locale);
}
