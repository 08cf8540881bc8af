import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { facilitatorBoard } from '$lib/server/werkstatt/list-board';
import type { RequestHandler } from './$types';

/** Facilitator token: every item (pending and hidden too) with likes and vote tallies. */
export const GET: RequestHandler = (event) => runApi(event, 'sessions.facilitate', async (ctx) => json(await facilitatorBoard(ctx, event.params.id)));
