import { json } from '@sveltejs/kit';
import { werkstattModerateSchema } from '$lib/schemas/werkstatt';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { moderateStatement } from '$lib/server/werkstatt/moderate-statement';
import type { RequestHandler } from './$types';

/** Facilitator token: approve, hide, mark answered, pin to the projector, edit. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'sessions.facilitate', async (ctx) => json(await moderateStatement(ctx, event.params.id, event.params.statement, await readBody(event.request, werkstattModerateSchema))));
