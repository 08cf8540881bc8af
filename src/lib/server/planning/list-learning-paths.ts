import { and, asc, eq } from 'drizzle-orm';
import { learningPaths, type LearningPath, type PathModule } from '../../domain/planning/learning-paths';
import { TARGET_GROUPS } from '../../schemas/catalogue';
import type { RequestContext } from '../context';
import { catalogueModules, organisations, planMeasures, qualificationPlans } from '../db/schema';

const byCode = new Intl.Collator('de', { numeric: true });

/**
 * What registrants see in the catalogue as „Lernpfad für Verwaltung“ etc.: per target group, the
 * published modules that the published plans of one organisation (by its slug) assign, ordered by
 * competence and level. Drafts and plans still in preparation never appear.
 */
export async function listLearningPaths(ctx: Pick<RequestContext, 'db'>, orgSlug: string): Promise<{ paths: LearningPath[]; competenceTitles: Record<string, { title_de: string; title_en: string }> }> {
	const rows = await ctx.db
		.select({ id: catalogueModules.id, title: catalogueModules.title, targetGroups: catalogueModules.targetGroups, competences: catalogueModules.competences, measureGroup: planMeasures.targetGroup })
		.from(planMeasures)
		.innerJoin(qualificationPlans, eq(qualificationPlans.id, planMeasures.planId))
		.innerJoin(catalogueModules, eq(catalogueModules.id, planMeasures.moduleId))
		.innerJoin(organisations, eq(organisations.id, qualificationPlans.orgId))
		.where(and(eq(qualificationPlans.status, 'published'), eq(catalogueModules.status, 'published'), eq(organisations.slug, orgSlug)))
		.orderBy(asc(catalogueModules.title), asc(catalogueModules.id));
	const modules = new Map<string, PathModule & { targetGroups: string[] }>();
	for (const row of rows) {
		const known = modules.get(row.id) ?? { id: row.id, title: row.title, competences: row.competences, targetGroups: [...row.targetGroups] };
		if (row.measureGroup && !known.targetGroups.includes(row.measureGroup)) known.targetGroups.push(row.measureGroup);
		modules.set(row.id, known);
	}
	const competenceTitles: Record<string, { title_de: string; title_en: string }> = {};
	for (const competence of rows.flatMap((row) => row.competences)) competenceTitles[competence.code] ??= { title_de: competence.title_de, title_en: competence.title_en };
	const codes = Object.keys(competenceTitles).sort(byCode.compare);
	return { paths: learningPaths([...modules.values()], TARGET_GROUPS, codes), competenceTitles };
}
