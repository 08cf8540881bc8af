import { getAttendeeCertificate } from '$lib/server/catalogue/get-attendee-certificate';
import { loadPage } from '$lib/server/http/adapter';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The attendee's own certificate, through their personal link. */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const file = await getAttendeeCertificate(ctx, event.params.token);
		return attachment({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName });
	});
