import { json } from '@sveltejs/kit';
import { planMeasureUpdateSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { removeMeasure } from '$lib/server/planning/remove-measure';
import { updateMeasure } from '$lib/server/planning/update-measure';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: changes the fields sent. */
export const PATCH: RequestHandler = (event) =>
	runApi(event, 'plans.manage', async (ctx) => json(await updateMeasure(ctx, event.params.id, event.params.measure, await readBody(event.request, planMeasureUpdateSchema))));

/** Organiser token: removes the measure (its module stays in the catalogue). */
export const DELETE: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => (await removeMeasure(ctx, event.params.id, event.params.measure), new Response(null, { status: 204 })));
