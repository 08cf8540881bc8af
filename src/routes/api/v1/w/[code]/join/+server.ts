import { json } from '@sveltejs/kit';
import { werkstattJoinSchema } from '$lib/schemas/werkstatt';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { joinWerkstatt } from '$lib/server/werkstatt/join-werkstatt';
import type { RequestHandler } from './$types';

/** Anyone with the code: joins and gets the participant token (shown once). */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => json(await joinWerkstatt(ctx, event.params.code, await readBody(event.request, werkstattJoinSchema)), { status: 201 }));
