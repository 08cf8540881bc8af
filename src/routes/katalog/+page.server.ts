import { loadPage } from '$lib/server/http/adapter';
import { cataloguePage } from '$lib/server/catalogue/public-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => cataloguePage(ctx, event.url.searchParams));
