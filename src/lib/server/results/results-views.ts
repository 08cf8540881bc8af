import { freeTextMinimumGroupSize } from '../../domain/anonymity/free-text';
import type { Locale } from '../../i18n';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { Study } from '../studies/get-study';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { ALL_GROUPS, competenceItems, dashboardView, filterQuery, FILTER_PARAMETERS, gapRows, parseFilter, resultsSetting, roundChanges, trendOf, type CompetencePage, type DashboardPage } from '../../domain/results/dashboard-view';
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
		trend: trendOf(results.trends.find((t) => t.competence === code)),
		changes: roundChanges(perRound, code),
		changeRounds: perRound.length > 1 ? perRound.map((r) => r.round) : [],
		groups: results.groups
	};
}
