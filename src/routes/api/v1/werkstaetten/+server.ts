import { json } from '@sveltejs/kit';
import { werkstattCreateSchema } from '$lib/schemas/werkstatt';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { createWerkstatt } from '$lib/server/werkstatt/create-werkstatt';
import type { RequestHandler } from './$types';

/** Organiser token: a new, open Werkstatt with its join code. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		const created = await createWerkstatt(ctx, await readBody(event.request, werkstattCreateSchema));
		return json(created, { status: 201, headers: { location: `/api/v1/werkstaetten/${created.id}` } });
	});
