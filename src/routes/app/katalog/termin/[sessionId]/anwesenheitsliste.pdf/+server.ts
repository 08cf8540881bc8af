import { attendancePdf } from '$lib/server/catalogue/attendance';
import { loadPage } from '$lib/server/http/adapter';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	loadPage(event, 'sessions.facilitate', async (ctx) => {
		const file = await attendancePdf(ctx, event.params.sessionId);
		return attachment({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName });
	});
