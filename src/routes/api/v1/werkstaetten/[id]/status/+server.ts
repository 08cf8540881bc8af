import { json } from '@sveltejs/kit';
import { werkstattStatusSchema } from '$lib/schemas/werkstatt';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { setWerkstattStatus } from '$lib/server/werkstatt/set-werkstatt-status';
import type { RequestHandler } from './$types';

/** Facilitator token: close or reopen. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'sessions.facilitate', async (ctx) => json(await setWerkstattStatus(ctx, event.params.id, await readBody(event.request, werkstattStatusSchema))));
