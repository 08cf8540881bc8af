import { json } from '@sveltejs/kit';
import { werkstattSeedSchema } from '$lib/schemas/werkstatt';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { seedStatements } from '$lib/server/werkstatt/seed-statements';
import type { RequestHandler } from './$types';

/** Facilitator token: statements prepared for voting (all or none). */
export const POST: RequestHandler = (event) =>
	runApi(event, 'sessions.facilitate', async (ctx) => json(await seedStatements(ctx, event.params.id, await readBody(event.request, werkstattSeedSchema)), { status: 201 }));
