import { DEFAULT_PLAN_RULE } from '../../domain/planning/prioritise';
import type { PlanCreateInput } from '../../schemas/planning';
import type { OrgContext } from '../context';
import { qualificationPlans } from '../db/schema';
import { resultsOfStudy } from '../results/get-results';
import { getStudy } from '../studies/get-study';

/**
 * A new draft plan from a closed or published round of one of the organisation's studies (the
 * latest closed round unless one is named). Refused, writing nothing, while no round is closed.
 */
export async function createPlan(ctx: OrgContext, input: PlanCreateInput): Promise<{ id: string }> {
	const study = await getStudy(ctx, input.studyId);
	// Throws the results' own German refusal for an open study or a round without results.
	const results = await resultsOfStudy(ctx.db, study, input.round);
	const [created] = await ctx.db
		.insert(qualificationPlans)
		.values({
			orgId: ctx.org.orgId,
			studyId: study.id,
			round: results.round,
			minGap: input.minGap ?? DEFAULT_PLAN_RULE.minGap,
			topN: input.topN ?? DEFAULT_PLAN_RULE.topN,
			title: input.title || `Qualifizierungsplan: ${study.title}`.slice(0, 200),
			createdBy: ctx.actor.userId,
			createdAt: ctx.now,
			updatedAt: ctx.now
		})
		.returning({ id: qualificationPlans.id });
	return created;
}
