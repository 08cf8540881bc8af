import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { getPublicPlan } from '$lib/server/planning/get-public-plan';
import type { RequestHandler } from './$types';

/** Public: a published plan without internal notes and named persons; drafts are 404. */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(await getPublicPlan(ctx, event.params.id)));
