import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { planComparisonQuery } from '$lib/schemas/planning';
import { comparePlan } from '$lib/server/planning/compare-plan';
import { validate } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: what changed between the plan's study and a later one (?studyId=, optional &round=). */
export const GET: RequestHandler = (event) =>
	runApi(event, 'plans.manage', async (ctx) => {
		const query = validate(planComparisonQuery, Object.fromEntries(event.url.searchParams), 'Die Angaben zum Vergleich sind unvollständig oder ungültig.');
		return json(await comparePlan(ctx, event.params.id, query));
	});
