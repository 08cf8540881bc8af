import type { ComparisonView } from '../../domain/results/study-comparison';
import type { OrgContext } from '../context';
import { compareStudies } from '../results/compare-studies';
import { comparisonChoice } from '../results/get-comparison-view';
import { planOfOrg } from './plan-records';

/** "Was hat sich verändert?" on the plan page: a later study to choose (?vergleich=) and what changed since the plan's study and round. */
export async function getPlanComparisonView(ctx: OrgContext, planId: string, url: URL): Promise<ComparisonView> {
	const plan = await planOfOrg(ctx, planId);
	return comparisonChoice(ctx, plan.studyId, url, (chosen) => compareStudies(ctx, { baseStudyId: plan.studyId, baseRound: plan.round, followUpStudyId: chosen }));
}
