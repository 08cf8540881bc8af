import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { getPlan } from '$lib/server/planning/get-plan';
import type { RequestHandler } from './$types';

/** Organiser token: the plan with its gaps, modules, coverage, measures, budget and learning paths. */
export const GET: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await getPlan(ctx, event.params.id)));
