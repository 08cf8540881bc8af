import { exportPersonalDataJson } from '$lib/server/gdpr/export-personal-data';
import { readRequestForm } from '$lib/server/gdpr/request-form';
import { runDownload } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Art. 15 DSGVO as JSON (posted, so the address stays out of URLs and logs). */
export const POST: RequestHandler = (event) => runDownload(event, 'members.manage', async (ctx) => exportPersonalDataJson(ctx, await readRequestForm(event.request)));
