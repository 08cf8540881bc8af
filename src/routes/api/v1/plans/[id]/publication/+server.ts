import { json } from '@sveltejs/kit';
import { planPublishSchema } from '$lib/schemas/planning';
import { runApi } from '$lib/server/http/adapter';
import { publishPlan } from '$lib/server/planning/publish-plan';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: publish the plan (`{"published": true}`) or withdraw it. */
export const POST: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => json(await publishPlan(ctx, event.params.id, await readBody(event.request, planPublishSchema))));
