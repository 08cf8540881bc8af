import { publicFrameworkPage } from '$lib/server/frameworks/framework-pages';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Read-only, filterable by Charter principle (?grundsatz=P3) and dimension (?dimension=green). */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', (ctx) =>
		publicFrameworkPage(ctx.db, event.params.slug, event.params.id, { principle: event.url.searchParams.get('grundsatz'), dimension: event.url.searchParams.get('dimension') })
	);
