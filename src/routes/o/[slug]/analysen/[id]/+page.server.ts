import { loadPage } from '$lib/server/http/adapter';
import { getPublicDashboard } from '$lib/server/results/get-public-dashboard';
import type { PageServerLoad } from './$types';

/** Public results of a published study: the same views as organisers see, never raw answers. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getPublicDashboard(ctx, event.params.slug, event.params.id, event.url));
