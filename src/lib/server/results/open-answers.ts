import { and, eq, inArray } from 'drizzle-orm';
import { shownOpenAnswers, type OpenAnswerRound, type ShownOpenAnswers } from '../../domain/anonymity/free-text';
import type { Db } from '../db/client';
import { openAnswerReleases, openAnswers } from '../db/schema';
import type { OpenAnswerSection } from '../../domain/results/dashboard-view';
import type { StudyResults } from '../../domain/results/study-results';
import { getStudy, type Study } from '../studies/get-study';
import { readParticipation } from '../studies/counters';
import type { TenantContext } from '../tenant';
import { resultsOfStudy } from './get-results';
import { ALL_GROUPS } from '../../domain/anonymity/cells';
import { selectResults, type ResultsSelection } from '../../domain/results/results-selection';
import { AppError } from '../errors';

type OpenAnswerStudy = Pick<Study, 'id' | 'groups' | 'openQuestions' | 'minGroupSize'>;

/**
 * A round's free-text answers with what decides whether they may be shown: releases, hidden
 * flags, finished participants per group. With `onlyReleased`, texts of questions nobody released
 * are not even read.
 */
export async function loadOpenAnswerRound(db: Db, study: OpenAnswerStudy, round: number, options: { onlyReleased?: boolean } = {}): Promise<OpenAnswerRound> {
	const base = { questions: study.openQuestions, groups: study.groups, minimumGroupSize: study.minGroupSize };
	if (study.openQuestions.length === 0) return { ...base, respondents: new Map(), released: new Set(), answers: [] };
	const releases = await db
		.select({ question: openAnswerReleases.questionKey })
		.from(openAnswerReleases)
		.where(and(eq(openAnswerReleases.studyId, study.id), eq(openAnswerReleases.round, round)));
	const released = new Set(releases.map((r) => r.question));
	if (options.onlyReleased && released.size === 0) return { ...base, respondents: new Map(), released, answers: [] };
	const questions = options.onlyReleased ? [...released] : study.openQuestions.map((q) => q.key);
	const [respondents, answers] = await Promise.all([
		readParticipation(db, study.id, round),
		db
			.select({ id: openAnswers.id, question: openAnswers.questionKey, group: openAnswers.groupKey, text: openAnswers.text, hidden: openAnswers.hidden })
			.from(openAnswers)
			.where(and(eq(openAnswers.studyId, study.id), eq(openAnswers.round, round), inArray(openAnswers.questionKey, questions)))
	]);
	return { ...base, respondents, released, answers };
}

/** What dashboards, exports and the API show of a round's free-text answers (released, n ≥ max(k, 8), not hidden). */
export async function openAnswersOfRound(db: Db, study: OpenAnswerStudy, round: number): Promise<ShownOpenAnswers[]> {
	return shownOpenAnswers(await loadOpenAnswerRound(db, study, round, { onlyReleased: true }));
}

/** Groups the shown answers by question (in the study's order), with the labels of questions and groups. */
export function openAnswerSections(shown: readonly ShownOpenAnswers[], study: Pick<Study, 'groups' | 'openQuestions'>): OpenAnswerSection[] {
	const groupLabel = new Map(study.groups.map((g) => [g.key, g.label]));
	return study.openQuestions
		.map((q) => ({
			question: q.key,
			label: q.label,
			groups: shown.filter((s) => s.question === q.key).map((s) => ({ group: s.group, label: groupLabel.get(s.group) ?? s.group, texts: s.texts }))
		}))
		.filter((section) => section.groups.length > 0);
}

/** A round's shown open answers, grouped and labelled. */
export async function openAnswerSectionsOfRound(db: Db, study: OpenAnswerStudy, round: number): Promise<OpenAnswerSection[]> {
	return openAnswerSections(await openAnswersOfRound(db, study, round), study);
}

/**
 * The results API's answer: a round's protected figures, or the part of them one horizon or group
 * needs, and its shown open answers (of that group only, when one is chosen).
 */
export async function getResultsWithOpenAnswers(ctx: TenantContext, studyId: string, query: { round?: number } & ResultsSelection = {}): Promise<{ results: StudyResults; openAnswers: ShownOpenAnswers[] }> {
	const study = await getStudy(ctx, studyId);
	const problems = [
		query.horizon !== undefined && !study.horizons.some((h) => h.key === query.horizon) && { path: 'horizon', message: `Diesen Zeithorizont gibt es in der Analyse nicht. Möglich: ${study.horizons.map((h) => h.key).join(', ')}.` },
		query.group !== undefined && query.group !== ALL_GROUPS && !study.groups.some((g) => g.key === query.group) && { path: 'group', message: `Diese Gruppe gibt es in der Analyse nicht. Möglich: ${[...study.groups.map((g) => g.key), ALL_GROUPS].join(', ')}.` }
	].filter((problem) => problem !== false);
	if (problems.length) throw new AppError('validation_failed', problems[0].message, problems);
	const results = await resultsOfStudy(ctx.db, study, query.round);
	const openAnswers = await openAnswersOfRound(ctx.db, study, results.round);
	if (query.horizon === undefined && query.group === undefined) return { results, openAnswers };
	return { results: selectResults(results, query), openAnswers: query.group === undefined ? openAnswers : openAnswers.filter((answer) => answer.group === query.group) };
}
