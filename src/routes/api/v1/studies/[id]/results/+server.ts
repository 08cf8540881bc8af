import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { resultsQuery } from '$lib/schemas/results';
import { getResultsWithOpenAnswers } from '$lib/server/results/open-answers';
import { validate } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/**
 * Figures of a closed round, every cell through the minimum-group-size suppression, and the
 * released free-text answers of groups with n ≥ max(k, 8).
 */
export const GET: RequestHandler = (event) =>
	runApi(event, 'results.read', async (ctx) => json(await getResultsWithOpenAnswers(ctx, event.params.id, validate(resultsQuery, Object.fromEntries(event.url.searchParams), 'Die Runde muss 1, 2 oder 3 sein.').round)));
