import { loadPage } from '$lib/server/http/adapter';
import { getPublicCompetencePage } from '$lib/server/results/get-public-competence-page';
import type { PageServerLoad } from './$types';

/** One competence of a published study's results. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getPublicCompetencePage(ctx, event.params.slug, event.params.id, event.params.code, event.url));
