import { exportFrameworkFile } from '$lib/server/frameworks/export-framework-file';
import { loadPage } from '$lib/server/http/adapter';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** ?format=json|moodle-csv|csv, ?sprache=de|en for Moodle files. */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'frameworks.read', async (ctx) =>
		attachment(await exportFrameworkFile(ctx, event.params.id, { format: event.url.searchParams.get('format') ?? undefined, language: event.url.searchParams.get('sprache') === 'en' ? 'en' : 'de' }))
	);
