import { getPublishedPhoto } from '$lib/server/catalogue/get-published-photo';
import { loadPage } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** A facilitator's photo, for published modules only. */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const photo = await getPublishedPhoto(ctx, event.params.id);
		return new Response(new Uint8Array(photo.bytes), { headers: { 'content-type': photo.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } });
	});
