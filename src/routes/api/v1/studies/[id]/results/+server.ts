import { runApi } from '$lib/server/http/adapter';
import { resultsQuery } from '$lib/schemas/results';
import { getResultsWithOpenAnswers } from '$lib/server/results/open-answers';
import { resultsJson } from '$lib/server/results/results-json';
import { validate } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/**
 * Figures of a closed round, every cell through the minimum-group-size suppression, and the
 * released free-text answers of groups with n ≥ max(k, 8); optionally one horizon or group.
 */
export const GET: RequestHandler = (event) =>
	runApi(event, 'results.read', async (ctx) => {
		const { results, openAnswers } = await getResultsWithOpenAnswers(ctx, event.params.id, validate(resultsQuery, Object.fromEntries(event.url.searchParams), 'Die Abfrage ist ungültig.'));
		return new Response(resultsJson(results, openAnswers), { headers: { 'content-type': 'application/json' } });
	});
