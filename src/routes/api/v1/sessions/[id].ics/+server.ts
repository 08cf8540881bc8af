import { sessionCalendar } from '$lib/server/catalogue/calendar';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { getDatabase } from '$lib/server/db/client';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The iCalendar file of a session (public for published modules; a token also opens its own drafts). */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const file = await sessionCalendar(getDatabase(), params.id, catalogueEnv(url).baseUrl, locals.actor?.org?.orgId);
	return new Response(file.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'no-cache'
		}
	});
});
