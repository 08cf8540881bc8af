import { loadPage } from '$lib/server/http/adapter';
import { organisationPage } from '$lib/server/public/organisation-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => organisationPage(ctx, event.params.slug));
