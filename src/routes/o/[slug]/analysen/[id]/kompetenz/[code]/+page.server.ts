import { loadPage } from '$lib/server/http/adapter';
import { publicCompetencePage } from '$lib/server/results/results-page';
import type { PageServerLoad } from './$types';

/** One competence of a published study's results. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => publicCompetencePage(ctx, event.params.slug, event.params.id, event.params.code, event.url));
