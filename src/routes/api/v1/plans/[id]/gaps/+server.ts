import { json } from '@sveltejs/kit';
import { planGapDecisionSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { decideGap } from '$lib/server/planning/decide-gap';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: prioritise a gap or drop it (with a reason). */
export const POST: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await decideGap(ctx, event.params.id, await readBody(event.request, planGapDecisionSchema))));
