import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { closedRounds } from '../../domain/study/lifecycle';
import type { OrgContext } from '../context';
import { qualificationPlans, studies } from '../db/schema';

export interface PlanListEntry {
	id: string;
	title: string;
	status: 'draft' | 'published';
	study: { id: string; title: string };
	round: number;
	createdAt: Date;
	updatedAt: Date;
	publishedAt: Date | null;
}

/** The organisation's plans (newest first), and the studies with closed rounds a new plan can start from. */
export async function listPlans(ctx: OrgContext): Promise<{ plans: PlanListEntry[]; studies: { id: string; title: string; rounds: number[] }[] }> {
	const rows = await ctx.db
		.select({ plan: qualificationPlans, studyTitle: studies.title })
		.from(qualificationPlans)
		.innerJoin(studies, eq(studies.id, qualificationPlans.studyId))
		.where(eq(qualificationPlans.orgId, ctx.org.orgId))
		.orderBy(desc(qualificationPlans.createdAt), asc(qualificationPlans.id));
	const candidates = await ctx.db
		.select({ id: studies.id, title: studies.title, status: studies.status, currentRound: studies.currentRound })
		.from(studies)
		.where(and(eq(studies.orgId, ctx.org.orgId), inArray(studies.status, ['open', 'closed', 'published'])))
		.orderBy(asc(studies.title), asc(studies.id));
	return {
		plans: rows.map(({ plan, studyTitle }) => ({
			id: plan.id,
			title: plan.title,
			status: plan.status,
			study: { id: plan.studyId, title: studyTitle },
			round: plan.round,
			createdAt: plan.createdAt,
			updatedAt: plan.updatedAt,
			publishedAt: plan.publishedAt
		})),
		studies: candidates.map((s) => ({ id: s.id, title: s.title, rounds: closedRounds(s) })).filter((s) => s.rounds.length > 0)
	};
}
