import type { StudyComparison } from '../../domain/results/study-comparison';
import type { OrgContext } from '../context';
import { compareStudies } from '../results/compare-studies';
import { planOfOrg } from './plan-records';

/**
 * "Was hat sich verändert?": a later study (the follow-up, matched by competence code) compared
 * with the study and round the plan starts from — the evidence a council asks for before it funds
 * the next year.
 */
export async function comparePlan(ctx: OrgContext, planId: string, followUp: { studyId: string; round?: number }): Promise<StudyComparison> {
	const plan = await planOfOrg(ctx, planId);
	return compareStudies(ctx, { baseStudyId: plan.studyId, baseRound: plan.round, followUpStudyId: followUp.studyId, followUpRound: followUp.round });
}
