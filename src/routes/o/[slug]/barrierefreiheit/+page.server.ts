import { loadPage } from '$lib/server/http/adapter';
import { legalPage } from '$lib/server/identity/get-legal-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => legalPage(ctx, event.params.slug, 'barrierefreiheit'));
