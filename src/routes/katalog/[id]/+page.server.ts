import { loadPage } from '$lib/server/http/adapter';
import { modulePage } from '$lib/server/catalogue/public-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => modulePage(ctx, event.params.id));
