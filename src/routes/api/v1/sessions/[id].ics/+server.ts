import { can } from '$lib/server/auth/actor';
import { sessionCalendar } from '$lib/server/catalogue/calendar';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { getDatabase } from '$lib/server/db/client';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The iCalendar file of a session (public for published modules; a token of those who see drafts also opens its own). */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	// Drafts are for the roles that see them elsewhere (GET /modules/{id}): not for viewers.
	const ownOrgId = can(locals.actor, 'sessions.facilitate') ? locals.actor?.org?.orgId : undefined;
	const file = await sessionCalendar(getDatabase(), params.id, catalogueEnv(url).baseUrl, ownOrgId);
	return new Response(file.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'no-cache'
		}
	});
});
