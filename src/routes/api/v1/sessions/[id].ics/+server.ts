import { getReadableCalendar } from '$lib/server/catalogue/get-readable-calendar';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** The iCalendar file of a session (public for published modules; a token of those who see drafts also opens its own). */
export const GET: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const file = await getReadableCalendar(ctx, event.params.id);
		return new Response(file.body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
				'cache-control': 'no-cache'
			}
		});
	});
