import { attachment } from '$lib/server/http/download';
import { loadPage } from '$lib/server/http/adapter';
import { batchSheet } from '$lib/server/studies/download-batch';
import type { RequestHandler } from './$types';

/** The links of a batch not yet confirmed as handed out: ?format=csv (Excel) or ?format=pdf (slips to cut). */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'org.manage', async (ctx) => attachment(await batchSheet(ctx, event.params.id, event.params.batchId, event.url.searchParams.get('format') ?? 'csv')));
