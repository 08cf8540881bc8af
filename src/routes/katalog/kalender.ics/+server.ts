import { catalogueFeed } from '$lib/server/catalogue/calendar';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { getDatabase } from '$lib/server/db/client';
import type { RequestHandler } from './$types';

/** Subscribable feed of the public catalogue; `?org=<slug>` for one organisation. */
export const GET: RequestHandler = async ({ url }) => {
	const org = url.searchParams.get('org')?.slice(0, 100) || undefined;
	const body = await catalogueFeed(getDatabase(), catalogueEnv(url).baseUrl, org);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="fortbildungskatalog.ics"',
			'cache-control': 'public, max-age=900'
		}
	});
};
