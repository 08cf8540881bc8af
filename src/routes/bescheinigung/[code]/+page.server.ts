import { getCertificatePage } from '$lib/server/catalogue/get-certificate-page';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Public verification of a certificate of participation by its code. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getCertificatePage(ctx, event.params.code));
