import { catalogueFeed } from '$lib/server/catalogue/calendar';
import { loadPage } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Subscribable feed of the public catalogue; `?org=<slug>` for one organisation. */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const org = event.url.searchParams.get('org')?.slice(0, 100) || undefined;
		return new Response(await catalogueFeed(ctx.db, ctx.baseUrl, org), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="fortbildungskatalog.ics"',
				'cache-control': 'public, max-age=900'
			}
		});
	});
