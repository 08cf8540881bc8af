import { exportFrameworkFile } from '$lib/server/frameworks/export-framework-file';
import { runApi } from '$lib/server/http/adapter';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	runApi(event, 'frameworks.read', async (ctx) => attachment(await exportFrameworkFile(ctx, event.params.id, Object.fromEntries(event.url.searchParams))));
