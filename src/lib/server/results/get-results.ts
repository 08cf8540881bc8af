import { studyResults, type StudyResults } from '../../domain/results/study-results';
import { closedRounds } from '../../domain/study/lifecycle';
import { AppError } from '../errors';
import { deepFreeze, frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { boundedMemo } from '../bounded-memo';
import { getStudy, type Study } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import type { Db } from '../db/client';
import { loadRoundChange } from './load-change';
import { loadProtectedRound } from './load-round';

/** The closed round results are shown for: the one asked for, else the latest; a German refusal otherwise. */
function closedRoundToShow(study: Study, round?: number): number {
	const rounds = closedRounds(study);
	if (rounds.length === 0) throw new AppError('conflict', 'Ergebnisse gibt es, sobald die erste Runde geschlossen ist. So bleibt jede einzelne Antwort geschützt.');
	const chosen = round ?? rounds.at(-1)!;
	if (!rounds.includes(chosen)) {
		throw new AppError('validation_failed', `Für Runde ${chosen} gibt es keine Ergebnisse.`, [{ path: 'round', message: `Möglich: ${rounds.join(', ')}.` }]);
	}
	return chosen;
}

/**
 * A closed round's results computed from its counters, every time (the bench measures this). The
 * app reads them through resultsOfStudy, which keeps them.
 */
export async function computeResultsOfStudy(db: Db, study: Study, round?: number): Promise<StudyResults> {
	const chosen = closedRoundToShow(study, round);
	const document = await frameworkDocumentOfStudy(db, study);
	const table = await loadProtectedRound(db, study, document, chosen);
	const results = studyResults(
		{ id: study.id, groups: study.groups, horizons: study.horizons, measureProficiency: study.measureProficiency, minGroupSize: study.minGroupSize, quantileType: study.quantileType as 6 | 7, consensus: study.consensus },
		study.competences,
		table
	);
	if (chosen < 2) return results;
	// Delphi: the change against the previous (closed) round, from both protected tables and the transition counters.
	const previous = await loadProtectedRound(db, study, document, chosen - 1);
	const items = results.items.map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon }));
	return { ...results, change: await loadRoundChange(db, study, previous, table, items) };
}

const keptResults = boundedMemo<Promise<StudyResults>>(64);

/**
 * A closed round's results, computed once and kept in this process (deep-frozen: every request
 * shares them). A closed round never reopens and its counters never change again (the next Delphi
 * round is a new round), so the key holds the round and every study setting the figures are made
 * of: an edited label or minimum group size gives new results at once.
 */
export async function resultsOfStudy(db: Db, study: Study, round?: number): Promise<StudyResults> {
	const chosen = closedRoundToShow(study, round);
	const key = JSON.stringify([study.id, chosen, study.frameworkVersionId, study.competences, study.horizons, study.measureProficiency, study.groups, study.minGroupSize, study.quantileType, study.consensus]);
	return keptResults(key, async () => deepFreeze(await computeResultsOfStudy(db, study, chosen)));
}

export async function getStudyResults(ctx: TenantContext, studyId: string, round?: number): Promise<StudyResults> {
	return resultsOfStudy(ctx.db, await getStudy(ctx, studyId), round);
}
