import { certificatePage } from '$lib/server/catalogue/public-views';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Public verification of a certificate of participation by its code. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => certificatePage(ctx, event.params.code));
