import { loadPage } from '$lib/server/http/adapter';
import { getStudyCompetencePage } from '$lib/server/results/get-study-competence-page';
import type { PageServerLoad } from './$types';

/** One competence of a study's results: histograms per group and item, all figures, change between rounds. */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'results.read', async (ctx) => ({ results: await getStudyCompetencePage(ctx, event.params.id, event.params.code, event.url) }));
