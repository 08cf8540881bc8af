import { loadPage } from '$lib/server/http/adapter';
import { publicDashboard } from '$lib/server/results/results-page';
import type { PageServerLoad } from './$types';

/** Public results of a published study: the same views as organisers see, never raw answers. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => publicDashboard(ctx, event.params.slug, event.params.id, event.url));
