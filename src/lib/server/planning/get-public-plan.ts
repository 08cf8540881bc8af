import type { RequestContext } from '../context';
import { publishedPlan } from './plan-records';
import { planView, type PlanView } from './plan-view';

/** What everyone sees of a published plan: no internal notes, no named responsible persons, no unprioritised candidates. */
export type PublicPlanView = Omit<PlanView, 'measures' | 'otherGaps'> & { measures: Omit<PlanView['measures'][number], 'notes' | 'responsible'>[] };

/** A published plan for its public page; a draft is as unknown as a missing plan. */
export async function getPublicPlan(ctx: RequestContext, planId: string): Promise<PublicPlanView> {
	const { measures, otherGaps: _candidates, ...view } = await planView(ctx.db, await publishedPlan(ctx.db, planId), ctx.locale);
	return { ...view, measures: measures.map(({ notes: _notes, responsible: _responsible, ...measure }) => measure) };
}
