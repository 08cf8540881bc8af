import { json } from '@sveltejs/kit';
import { importFramework } from '$lib/server/frameworks/import-framework';
import { readFrameworkUpload } from '$lib/server/frameworks/upload';
import { runApi } from '$lib/server/http/adapter';
import { readMultipart } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** multipart/form-data: `file`, `format` (json | moodle-csv | csv), optional `language` (de | en) for Moodle files. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		const created = await importFramework(ctx, await readMultipart(event.request, readFrameworkUpload, 'Bitte senden Sie die Datei als multipart/form-data mit den Feldern „file“ und „format“.'));
		return json({ id: created.id, warnings: created.warnings }, { status: 201 });
	});
