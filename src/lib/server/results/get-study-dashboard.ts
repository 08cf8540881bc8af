import { and, desc, eq } from 'drizzle-orm';
import type { DashboardPage } from '../../domain/results/dashboard-view';
import { modulesForCompetence } from '../../domain/planning/coverage';
import { can } from '../auth/actor';
import type { OrgContext } from '../context';
import { catalogueModules, qualificationPlans } from '../db/schema';
import { getStudy } from '../studies/get-study';
import { loadDashboard } from './results-views';

/**
 * A study's dashboard for its organisation. A self-check's weak conditions also get the
 * organisation's published catalogue modules that address them (a module maps to a condition's
 * code as to a competence's) and, for those who plan, the study's Qualifizierungsplan if there is one (issue 16).
 */
export async function getStudyDashboard(ctx: OrgContext, studyId: string, url: URL): Promise<DashboardPage> {
	const study = await getStudy(ctx, studyId);
	const page = await loadDashboard(ctx.db, study, url, ctx.locale);
	const selfCheck = page.state === 'results' ? page.view.selfCheck : undefined;
	if (!selfCheck) return page;
	const [modules, [plan]] = await Promise.all([
		selfCheck.weak.length
			? ctx.db
					.select({ id: catalogueModules.id, title: catalogueModules.title, competences: catalogueModules.competences })
					.from(catalogueModules)
					.where(and(eq(catalogueModules.orgId, ctx.org.orgId), eq(catalogueModules.status, 'published')))
					.orderBy(catalogueModules.title, catalogueModules.id)
			: [],
		ctx.db.select({ id: qualificationPlans.id }).from(qualificationPlans).where(and(eq(qualificationPlans.orgId, ctx.org.orgId), eq(qualificationPlans.studyId, study.id))).orderBy(desc(qualificationPlans.createdAt)).limit(1)
	]);
	selfCheck.weak = selfCheck.weak.map((condition) => ({ ...condition, modules: modulesForCompetence(modules, condition.code).map(({ id, title }) => ({ id, title })) }));
	if (can(ctx.actor, 'plans.manage')) selfCheck.plan = plan ?? null;
	return page;
}
