import { eq } from 'drizzle-orm';
import type { PlanPublishInput } from '../../schemas/planning';
import type { OrgContext } from '../context';
import { qualificationPlans } from '../db/schema';
import { planOfOrg } from './plan-records';

/** Publishes the plan on its public page, or withdraws it (back to a draft). */
export async function publishPlan(ctx: OrgContext, planId: string, input: PlanPublishInput): Promise<{ status: 'draft' | 'published'; publishedAt: Date | null }> {
	const plan = await planOfOrg(ctx, planId);
	const publishedAt = input.published ? (plan.publishedAt ?? ctx.now) : null;
	const status = input.published ? 'published' : 'draft';
	await ctx.db.update(qualificationPlans).set({ status, publishedAt, updatedAt: ctx.now }).where(eq(qualificationPlans.id, plan.id));
	return { status, publishedAt };
}
