import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { ALL_GROUPS, COMPARISON_PARAMETERS, comparisonForGroup, type ComparisonView, type StudyComparison } from '../../domain/results/study-comparison';
import { closedRounds } from '../../domain/study/lifecycle';
import type { OrgContext } from '../context';
import { frameworkVersions, studies } from '../db/schema';
import { AppError } from '../errors';
import { getStudy } from '../studies/get-study';
import { isUuid } from '../validate';
import { compareStudies } from './compare-studies';

/**
 * "Vergleich mit früherer Analyse" on a study's results page: the studies to choose from and, when
 * one is chosen (?vergleich=<id>), the comparison for one group. Null when this study has no closed
 * round yet (the page shows no results then).
 */
export async function getComparisonView(ctx: OrgContext, studyId: string, url: URL): Promise<ComparisonView | null> {
	const study = await getStudy(ctx, studyId);
	if (closedRounds(study).length === 0) return null;
	return comparisonChoice(ctx, study.id, url, (chosen) => compareStudies(ctx, { baseStudyId: chosen, followUpStudyId: study.id }));
}

/**
 * The organisation's other studies with a closed round on the same instrument (competences or
 * conditions) to choose from (not `studyId`) and, when one
 * is chosen (?vergleich=<id>), `compare(chosen)` for one group (?gruppe=). A chosen study that cannot
 * be compared gives the German reason, not an error page.
 */
export async function comparisonChoice(ctx: OrgContext, studyId: string, url: URL, compare: (chosen: string) => Promise<StudyComparison>): Promise<ComparisonView> {
	const kind = sql<string>`coalesce(${frameworkVersions.document}->'meta'->>'kind', 'competences')`;
	const [own] = await ctx.db.select({ kind }).from(studies).innerJoin(frameworkVersions, eq(frameworkVersions.id, studies.frameworkVersionId)).where(eq(studies.id, studyId));
	const others = await ctx.db
		.select({ id: studies.id, title: studies.title, status: studies.status, currentRound: studies.currentRound })
		.from(studies)
		.innerJoin(frameworkVersions, eq(frameworkVersions.id, studies.frameworkVersionId))
		.where(and(eq(studies.orgId, ctx.org.orgId), ne(studies.id, studyId), inArray(studies.status, ['open', 'closed', 'published']), eq(kind, own?.kind ?? 'competences')))
		.orderBy(desc(studies.createdAt));
	// Only studies on the same instrument: a self-check is never compared with a competence study.
	const candidates = others.filter((other) => closedRounds(other).length > 0).map(({ id, title }) => ({ id, title }));
	const selected = url.searchParams.get(COMPARISON_PARAMETERS.study)?.trim() || null;
	const group = url.searchParams.get(COMPARISON_PARAMETERS.group)?.trim() || ALL_GROUPS;
	const view: ComparisonView = { candidates, selected, group, comparison: null, error: null, instrument: own?.kind === 'conditions' ? 'conditions' : 'competences' };
	if (selected === null) return view;
	if (!isUuid(selected)) return { ...view, error: 'Diese Analyse gibt es nicht. Bitte wählen Sie eine aus der Liste.' };
	try {
		const { items, ...comparison } = await compare(selected);
		const known = group === ALL_GROUPS || comparison.groups.some((g) => g.key === group);
		const forGroup = comparisonForGroup({ ...comparison, items }, known ? group : ALL_GROUPS);
		return { ...view, group: forGroup.group, comparison: { ...comparison, ...forGroup } };
	} catch (error) {
		if (error instanceof AppError && error.status < 500) return { ...view, error: error.message };
		throw error;
	}
}
