import { getSessionCertificate } from '$lib/server/catalogue/get-session-certificate';
import { loadPage } from '$lib/server/http/adapter';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	loadPage(event, 'sessions.facilitate', async (ctx) => {
		const file = await getSessionCertificate(ctx, event.params.sessionId, event.params.code);
		return attachment({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName });
	});
