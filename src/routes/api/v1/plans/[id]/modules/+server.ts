import { json } from '@sveltejs/kit';
import { planModuleForGapSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { createModuleForGap } from '$lib/server/planning/create-module-for-gap';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: a draft catalogue module for a gap, pre-filled from the gap, and the measure that uses it. */
export const POST: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await createModuleForGap(ctx, event.params.id, await readBody(event.request, planModuleForGapSchema)), { status: 201 }));
