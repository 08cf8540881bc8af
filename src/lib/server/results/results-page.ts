import { and, desc, eq } from 'drizzle-orm';
import { freeTextMinimumGroupSize } from '../../domain/anonymity/free-text';
import type { Locale } from '../../i18n';
import type { Db } from '../db/client';
import { organisations, studies } from '../db/schema';
import { AppError } from '../errors';
import { getStudy, type Study } from '../studies/manage-study';
import type { OrgContext, RequestContext } from '../context';
import { exportResults } from './exports';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import {
	ALL_GROUPS,
	competenceItems,
	dashboardView,
	filterQuery,
	FILTER_PARAMETERS,
	gapRows,
	parseFilter,
	resultsSetting,
	roundChanges,
	type CompetencePage,
	type DashboardPage
} from '../../domain/results/dashboard-view';
import { resultsOfStudy } from './get-results';
import { openAnswerSectionsOfRound } from './open-answers';
import { parseRound } from './parse-round';

/** Results of the round the reader asked for (the latest by default) with the texts of the pinned framework. */
async function resultsAndSetting(db: Db, study: Study, url: URL, locale: Locale) {
	const setting = resultsSetting(study, await frameworkDocumentOfStudy(db, study), locale);
	if (setting.rounds.length === 0) return { setting, results: null };
	const round = parseRound(url.searchParams.get(FILTER_PARAMETERS.round));
	return { setting, results: await resultsOfStudy(db, study, round) };
}

/** The dashboard: an empty state before the first round closes, else every view of the chosen round and filter. */
export async function loadDashboard(db: Db, study: Study, url: URL, locale: Locale): Promise<DashboardPage> {
	const { setting, results } = await resultsAndSetting(db, study, url, locale);
	if (!results) return { state: 'empty', setting, progress: { status: study.status, round: study.currentRound, rounds: study.rounds } };
	const filter = parseFilter(url.searchParams, setting);
	const roundParameter = url.searchParams.has(FILTER_PARAMETERS.round) ? results.round : undefined;
	const sections = (await openAnswerSectionsOfRound(db, study, results.round))
		.map((section) => ({ ...section, groups: section.groups.filter((g) => !filter.group || g.group === filter.group) }))
		.filter((section) => section.groups.length > 0);
	return {
		state: 'results',
		setting,
		view: dashboardView(results, setting, filter),
		query: filterQuery(filter, roundParameter),
		openAnswers: { questions: study.openQuestions.length, threshold: freeTextMinimumGroupSize(study.minGroupSize), sections }
	};
}

/** One competence: every item's figures per group, its gap per horizon and the change between closed rounds. */
export async function loadCompetencePage(db: Db, study: Study, code: string, url: URL, locale: Locale): Promise<CompetencePage> {
	const { setting, results } = await resultsAndSetting(db, study, url, locale);
	if (!results) throw new AppError('conflict', 'Ergebnisse gibt es, sobald die erste Runde geschlossen ist. So bleibt jede einzelne Antwort geschützt.');
	const competence = setting.competences.find((c) => c.code === code);
	if (!competence) throw new AppError('not_found', `Die Kompetenz „${code.slice(0, 40)}“ gehört nicht zu dieser Analyse.`);
	const filter = parseFilter(url.searchParams, setting);
	const perRound = setting.rounds.length > 1 ? await Promise.all(setting.rounds.map((round) => (round === results.round ? results : resultsOfStudy(db, study, round)))) : [results];
	const gaps = setting.horizons.map((h) => {
		const rows = gapRows(results, setting, h.key, ALL_GROUPS);
		const row = rows.find((r) => r.code === code);
		return { horizon: h.key, rank: row?.rank ?? null, meanGap: row?.meanGap ?? null, medianGap: row?.medianGap ?? null, ranked: rows.filter((r) => r.rank !== null).length };
	});
	return {
		setting,
		competence,
		round: results.round,
		minGroupSize: results.minGroupSize,
		quantileType: results.quantileType,
		filter,
		query: filterQuery(filter, url.searchParams.has(FILTER_PARAMETERS.round) ? results.round : undefined),
		items: competenceItems(results, code),
		gaps: setting.measureProficiency ? gaps : [],
		trend: results.trends.find((t) => t.competence === code) ?? null,
		changes: roundChanges(perRound, code),
		changeRounds: perRound.length > 1 ? perRound.map((r) => r.round) : [],
		groups: results.groups
	};
}

/** A published study of the organisation with this slug, for the public pages; null for anything else. */
export async function findPublishedStudy(db: Db, slug: string, studyId: string): Promise<{ organisation: { name: string; slug: string }; study: Study } | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(studyId) || slug.length > 200) return null;
	const [row] = await db
		.select({ study: studies, name: organisations.name, slug: organisations.slug })
		.from(studies)
		.innerJoin(organisations, eq(organisations.id, studies.orgId))
		.where(and(eq(studies.id, studyId), eq(organisations.slug, slug), eq(studies.status, 'published')));
	return row ? { organisation: { name: row.name, slug: row.slug }, study: row.study } : null;
}

/** The organisation's published studies, newest first, for its public page. */
export async function listPublishedStudies(db: Db, orgId: string): Promise<{ id: string; title: string }[]> {
	return db
		.select({ id: studies.id, title: studies.title })
		.from(studies)
		.where(and(eq(studies.orgId, orgId), eq(studies.status, 'published')))
		.orderBy(desc(studies.createdAt));
}

/** A study's dashboard for its organisation. */
export async function studyDashboard(ctx: OrgContext, studyId: string, url: URL) {
	return loadDashboard(ctx.db, await getStudy(ctx, studyId), url, ctx.locale);
}

/** One competence of a study's results for its organisation. */
export async function studyCompetencePage(ctx: OrgContext, studyId: string, code: string, url: URL) {
	return loadCompetencePage(ctx.db, await getStudy(ctx, studyId), code, url, ctx.locale);
}

async function publishedStudy(db: Db, slug: string, studyId: string) {
	const found = await findPublishedStudy(db, slug, studyId);
	if (!found) throw new AppError('not_found', 'Nicht gefunden');
	return found;
}

/** A published study's dashboard on the organisation's public pages. */
export async function publicDashboard(ctx: RequestContext, slug: string, studyId: string, url: URL) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return { organisation: found.organisation, results: await loadDashboard(ctx.db, found.study, url, ctx.locale) };
}

/** One competence of a published study. */
export async function publicCompetencePage(ctx: RequestContext, slug: string, studyId: string, code: string, url: URL) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return { organisation: found.organisation, results: await loadCompetencePage(ctx.db, found.study, code, url, ctx.locale) };
}

/** A published study's results file (CSV, XLSX, PDF); raw answers are never public. */
export async function publicResultsFile(ctx: RequestContext, slug: string, studyId: string, params: URLSearchParams) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return exportResults(ctx.db, found.study, params, ctx.locale, found.organisation.name);
}

/** A study's results file for its organisation. */
export async function studyResultsFile(ctx: OrgContext, studyId: string, params: URLSearchParams) {
	return exportResults(ctx.db, await getStudy(ctx, studyId), params, ctx.locale, ctx.org.orgName);
}
