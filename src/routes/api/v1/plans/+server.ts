import { json } from '@sveltejs/kit';
import { planCreateSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { createPlan } from '$lib/server/planning/create-plan';
import { listPlans } from '$lib/server/planning/list-plans';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: the organisation's plans and the studies with closed rounds a plan can start from. */
export const GET: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await listPlans(ctx)));

/** Organiser token: a new draft plan from a closed round of one of the organisation's studies. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'plans.manage', async (ctx) => {
		const created = await createPlan(ctx, await readBody(event.request, planCreateSchema));
		return json(created, { status: 201, headers: { location: `/api/v1/plans/${created.id}` } });
	});
