import { loadPage } from '$lib/server/http/adapter';
import { getModulePage } from '$lib/server/catalogue/get-module-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getModulePage(ctx, event.params.id));
