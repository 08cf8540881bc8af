import { error } from '@sveltejs/kit';
import { facilitatorPhoto } from '$lib/server/catalogue/photos';
import { getDatabase } from '$lib/server/db/client';
import type { RequestHandler } from './$types';

/** A facilitator's photo, for published modules only. */
export const GET: RequestHandler = async ({ params }) => {
	const photo = await facilitatorPhoto(getDatabase(), params.id);
	if (!photo) error(404, 'Dieses Foto gibt es nicht.');
	return new Response(new Uint8Array(photo.bytes), { headers: { 'content-type': photo.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } });
};
