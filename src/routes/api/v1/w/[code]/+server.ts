import { json } from '@sveltejs/kit';
import { bearerToken } from '$lib/server/http/bearer';
import { runApi } from '$lib/server/http/adapter';
import { participantBoard } from '$lib/server/werkstatt/list-board';
import type { RequestHandler } from './$types';

/** The board as participants see it; with the participant token also their own votes, likes and waiting posts. */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(await participantBoard(ctx, event.params.code, bearerToken(event.request))));
