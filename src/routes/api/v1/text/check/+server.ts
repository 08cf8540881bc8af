import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { checkTextFor, textCheckRepresentation } from '$lib/server/language/check-text';
import { readBody } from '$lib/server/validate';
import { textCheckInput } from '$lib/schemas/language';
import type { RequestHandler } from './$types';

/** The comprehensibility check of a German text: public, rate limited. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => json(textCheckRepresentation(await checkTextFor(ctx, await readBody(event.request, textCheckInput)))));
