import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { getResultsWithOpenAnswers } from '$lib/server/results/open-answers';
import type { RequestHandler } from './$types';

/**
 * Figures of a closed round, every cell through the minimum-group-size suppression, and the
 * released free-text answers of groups with n ≥ max(k, 8).
 */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const ctx = apiTenant(locals, 'results.read');
	const roundParameter = url.searchParams.get('round');
	const round = roundParameter === null ? undefined : Number(roundParameter);
	if (round !== undefined && !(Number.isInteger(round) && round >= 1 && round <= 3)) {
		throw new AppError('validation_failed', 'Die Runde muss 1, 2 oder 3 sein.', [{ path: 'round', message: 'Eine ganze Zahl von 1 bis 3.' }]);
	}
	return json(await getResultsWithOpenAnswers(ctx, params.id, round));
});
