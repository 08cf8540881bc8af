import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { getWerkstattResults } from '$lib/server/werkstatt/get-results';
import type { RequestHandler } from './$types';

/** Facilitator token: counts, opinion groups and consensus of the statements the room sees. */
export const GET: RequestHandler = (event) => runApi(event, 'sessions.facilitate', async (ctx) => json(await getWerkstattResults(ctx, event.params.id)));
