import { json } from '@sveltejs/kit';
import { planMeasureCreateSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { addMeasure } from '$lib/server/planning/add-measure';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: a measure for a gap (module, slot, target group, responsible person, budget). */
export const POST: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await addMeasure(ctx, event.params.id, await readBody(event.request, planMeasureCreateSchema)), { status: 201 }));
