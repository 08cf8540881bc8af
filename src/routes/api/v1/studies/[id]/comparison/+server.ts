import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { comparisonQuery } from '$lib/schemas/results';
import { compareStudies } from '$lib/server/results/compare-studies';
import { validate } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/**
 * What changed since an earlier study (?with=): per competence, measure and group, Mann–Whitney U
 * and Cliff's delta from both studies' protected results. {id} is the later (follow-up) study.
 */
export const GET: RequestHandler = (event) =>
	runApi(event, 'results.read', async (ctx) => {
		const query = validate(comparisonQuery, Object.fromEntries(event.url.searchParams), 'Die Angaben zum Vergleich sind unvollständig oder ungültig.');
		return json(await compareStudies(ctx, { followUpStudyId: event.params.id, baseStudyId: query.with, followUpRound: query.round, baseRound: query.withRound }));
	});
