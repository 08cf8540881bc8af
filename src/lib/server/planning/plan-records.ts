import { and, eq } from 'drizzle-orm';
import { instrumentKindOf, type FrameworkDocument, type InstrumentKind } from '../../domain/framework/model';
import { measuredConditions, measuredGaps, type MeasuredCondition, type MeasuredGap } from '../../domain/planning/prioritise';
import type { StudyResults } from '../../domain/results/study-results';
import type { OrgContext } from '../context';
import type { Db } from '../db/client';
import { frameworkVersions, qualificationPlans, studies } from '../db/schema';
import { AppError } from '../errors';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { resultsOfStudy } from '../results/get-results';
import type { Study } from '../studies/get-study';
import { isUuid } from '../validate';

/*
 * What the plan use cases share: finding a plan of the acting organisation, its study and the
 * protected results of its round, and the measured gap a decision or measure is about.
 */

export type Plan = typeof qualificationPlans.$inferSelect;
export type PlanStudy = Study & { frameworkId: string };

const NOT_FOUND = 'Diesen Qualifizierungsplan gibt es nicht.';

/** A plan of the acting organisation; another organisation's is as unknown as a missing one. */
export async function planOfOrg(ctx: OrgContext, id: string, lock = false): Promise<Plan> {
	if (!isUuid(id)) throw new AppError('not_found', NOT_FOUND);
	const query = ctx.db
		.select()
		.from(qualificationPlans)
		.where(and(eq(qualificationPlans.id, id), eq(qualificationPlans.orgId, ctx.org.orgId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found', NOT_FOUND);
	return row;
}

/** A published plan, for everyone; a draft is as unknown as a missing one. */
export async function publishedPlan(db: Db, id: string): Promise<Plan> {
	if (!isUuid(id)) throw new AppError('not_found', NOT_FOUND);
	const [row] = await db
		.select()
		.from(qualificationPlans)
		.where(and(eq(qualificationPlans.id, id), eq(qualificationPlans.status, 'published')));
	if (!row) throw new AppError('not_found', NOT_FOUND);
	return row;
}

/** The plan's study (the plan row's foreign key guarantees it exists, in the plan's organisation). */
export async function studyOfPlan(db: Db, plan: Plan): Promise<PlanStudy> {
	const [row] = await db
		.select({ study: studies, frameworkId: frameworkVersions.frameworkId })
		.from(studies)
		.innerJoin(frameworkVersions, eq(frameworkVersions.id, studies.frameworkVersionId))
		.where(and(eq(studies.id, plan.studyId), eq(studies.orgId, plan.orgId)));
	return { ...row.study, frameworkId: row.frameworkId };
}

/** The protected results of the plan's round and its instrument: every figure a plan shows comes from here. */
export async function resultsOfPlan(db: Db, plan: Plan): Promise<{ study: PlanStudy; results: StudyResults; document: FrameworkDocument; instrument: InstrumentKind }> {
	const study = await studyOfPlan(db, plan);
	const [results, document] = await Promise.all([resultsOfStudy(db, study, plan.round), frameworkDocumentOfStudy(db, study)]);
	return { study, results, document, instrument: instrumentKindOf(document) };
}

/** What a plan may take in: on a competence study its measured gaps, on a self-check every condition with a visible „heute“ mean (issue 16). */
export function planCandidates(results: StudyResults, instrument: InstrumentKind): { horizon: string; gaps: (MeasuredGap | MeasuredCondition)[] }[] {
	return instrument === 'conditions' ? measuredConditions(results) : measuredGaps(results);
}

/** The gap (or, on a self-check, the condition) a decision or measure names; a suppressed or unknown one is refused at the field. */
export function requireMeasuredGap(results: StudyResults, instrument: InstrumentKind, competence: string, horizon: string): MeasuredGap | MeasuredCondition {
	const horizonGaps = planCandidates(results, instrument).find((h) => h.horizon === horizon);
	if (!horizonGaps) throw new AppError('validation_failed', 'Diesen Zeithorizont gibt es in der Analyse nicht.', [{ path: 'horizon', message: `Möglich: ${[...new Set(results.gaps.map((g) => g.horizon))].join(', ')}.` }]);
	const gap = horizonGaps.gaps.find((g) => g.competence === competence);
	if (gap) return gap;
	if (instrument === 'conditions') {
		throw new AppError('validation_failed', 'Für diese Bedingung gibt es keinen Wert „So ist es bei uns heute“.', [
			{ path: 'competence', message: 'Die Bedingung gehört nicht zum Selbstcheck, oder ihre Werte sind zum Schutz der Teilnehmenden ausgeblendet.' }
		]);
	}
	throw new AppError('validation_failed', 'Für diese Kompetenz gibt es in diesem Zeithorizont keine gemessene Lücke.', [
		{ path: 'competence', message: 'Die Kompetenz gehört nicht zur Analyse, oder ihre Werte sind zum Schutz der Teilnehmenden ausgeblendet.' }
	]);
}

/** Every change to a plan's content marks the plan as changed. */
export async function touchPlan(db: Db, plan: Plan, now: Date): Promise<void> {
	await db.update(qualificationPlans).set({ updatedAt: now }).where(eq(qualificationPlans.id, plan.id));
}
