import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { deleteWerkstatt } from '$lib/server/werkstatt/delete-werkstatt';
import { facilitatorBoard } from '$lib/server/werkstatt/list-board';
import type { RequestHandler } from './$types';

/** Facilitator token: every item (pending and hidden too) with likes and vote tallies. */
export const GET: RequestHandler = (event) => runApi(event, 'sessions.facilitate', async (ctx) => json(await facilitatorBoard(ctx, event.params.id)));

/** Organiser token: the Werkstatt and everything in it; its live streams end. */
export const DELETE: RequestHandler = (event) => runApi(event, 'org.manage', async (ctx) => (await deleteWerkstatt(ctx, event.params.id), new Response(null, { status: 204 })));
