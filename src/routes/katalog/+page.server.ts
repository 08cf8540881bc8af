import { loadPage } from '$lib/server/http/adapter';
import { getCataloguePage } from '$lib/server/catalogue/get-catalogue-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getCataloguePage(ctx, event.url.searchParams));
