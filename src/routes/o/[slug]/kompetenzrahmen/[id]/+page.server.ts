import { getPublicFrameworkPage } from '$lib/server/frameworks/get-public-framework-page';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Read-only, filterable by Charter principle (?grundsatz=P3) and dimension (?dimension=green). */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', (ctx) =>
		getPublicFrameworkPage(ctx.db, event.params.slug, event.params.id, { principle: event.url.searchParams.get('grundsatz'), dimension: event.url.searchParams.get('dimension') })
	);
