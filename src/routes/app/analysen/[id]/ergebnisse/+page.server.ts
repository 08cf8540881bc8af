import { can } from '$lib/server/auth/actor';
import { loadPage } from '$lib/server/http/adapter';
import { getComparisonView } from '$lib/server/results/get-comparison-view';
import { getStudyDashboard } from '$lib/server/results/get-study-dashboard';
import type { PageServerLoad } from './$types';

/** The results dashboard of a study: round, filters (GET, no JavaScript needed), every view, and the comparison with an earlier study (?vergleich=). */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'results.read', async (ctx) => ({ results: await getStudyDashboard(ctx, event.params.id, event.url), comparison: await getComparisonView(ctx, event.params.id, event.url), mayManage: can(ctx.actor, 'org.manage') }));
