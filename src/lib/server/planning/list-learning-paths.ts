import { and, asc, eq } from 'drizzle-orm';
import { learningPaths, type LearningPath, type PathModule } from '../../domain/planning/learning-paths';
import { TARGET_GROUPS } from '../../schemas/catalogue';
import type { RequestContext } from '../context';
import { catalogueModules, planMeasures, qualificationPlans } from '../db/schema';

const byCode = new Intl.Collator('de', { numeric: true });

/**
 * What registrants see in the catalogue as „Lernpfad für Verwaltung“ etc.: per target group, the
 * published modules that published plans (of one organisation, or of all) assign, ordered by
 * competence and level. Drafts and plans still in preparation never appear.
 */
export async function listLearningPaths(ctx: RequestContext, orgId?: string): Promise<LearningPath[]> {
	const rows = await ctx.db
		.select({ id: catalogueModules.id, title: catalogueModules.title, targetGroups: catalogueModules.targetGroups, competences: catalogueModules.competences, measureGroup: planMeasures.targetGroup })
		.from(planMeasures)
		.innerJoin(qualificationPlans, eq(qualificationPlans.id, planMeasures.planId))
		.innerJoin(catalogueModules, eq(catalogueModules.id, planMeasures.moduleId))
		.where(and(eq(qualificationPlans.status, 'published'), eq(catalogueModules.status, 'published'), ...(orgId ? [eq(qualificationPlans.orgId, orgId)] : [])))
		.orderBy(asc(catalogueModules.title), asc(catalogueModules.id));
	const modules = new Map<string, PathModule & { targetGroups: string[] }>();
	for (const row of rows) {
		const known = modules.get(row.id) ?? { id: row.id, title: row.title, competences: row.competences, targetGroups: [...row.targetGroups] };
		if (row.measureGroup && !known.targetGroups.includes(row.measureGroup)) known.targetGroups.push(row.measureGroup);
		modules.set(row.id, known);
	}
	const codes = [...new Set([...modules.values()].flatMap((m) => m.competences.map((c) => c.code)))].sort(byCode.compare);
	return learningPaths([...modules.values()], TARGET_GROUPS, codes);
}
