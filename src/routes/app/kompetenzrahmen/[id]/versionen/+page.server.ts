import { versionComparison } from '$lib/server/frameworks/framework-pages';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Compares two versions (?von=1&bis=2); by default the newest with the one before. */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'frameworks.read', (ctx) =>
		versionComparison(ctx, event.params.id, { from: Number(event.url.searchParams.get('von')), to: Number(event.url.searchParams.get('bis')) })
	);
