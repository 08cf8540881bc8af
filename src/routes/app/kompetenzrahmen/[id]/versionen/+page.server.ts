import { compareVersions } from '$lib/server/frameworks/compare-versions';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

/** Compares two versions (?von=1&bis=2); by default the newest with the one before. */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'frameworks.read', (ctx) =>
		compareVersions(ctx, event.params.id, { from: Number(event.url.searchParams.get('von')), to: Number(event.url.searchParams.get('bis')) })
	);
