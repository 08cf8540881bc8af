import { json } from '@sveltejs/kit';
import { werkstattVoteSchema } from '$lib/schemas/werkstatt';
import { bearerToken } from '$lib/server/http/bearer';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { castVote } from '$lib/server/werkstatt/cast-vote';
import type { RequestHandler } from './$types';

/** Participant token: agree, disagree or pass; a second vote on the same statement replaces the first. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => json(await castVote(ctx, event.params.code, bearerToken(event.request), await readBody(event.request, werkstattVoteSchema))));
