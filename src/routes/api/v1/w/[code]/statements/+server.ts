import { json } from '@sveltejs/kit';
import { werkstattPostSchema } from '$lib/schemas/werkstatt';
import { bearerToken } from '$lib/server/http/bearer';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { postStatement } from '$lib/server/werkstatt/post-statement';
import type { RequestHandler } from './$types';

/** Participant token: a question or statement. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => json(await postStatement(ctx, event.params.code, bearerToken(event.request), await readBody(event.request, werkstattPostSchema)), { status: 201 }));
