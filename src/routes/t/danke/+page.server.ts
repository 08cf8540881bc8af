import { loadPage } from '$lib/server/http/adapter';
import { thanksPage } from '$lib/server/identity/get-thanks-page';
import type { PageServerLoad } from './$types';

// The receipt, in the asking organisation's name, logo and legal pages when the address names it (root layout).
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => thanksPage(ctx, event.url.searchParams));
