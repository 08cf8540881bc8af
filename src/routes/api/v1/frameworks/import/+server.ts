import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { EXCHANGE_FORMATS, importFramework, type ExchangeFormat } from '$lib/server/frameworks/exchange';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

/** multipart/form-data: `file`, `format` (json | moodle-csv | csv), optional `language` (de | en) for Moodle files. */
export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	const ctx = apiTenant(locals, 'org.manage');
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
		throw new AppError('bad_request', 'Bitte senden Sie die Datei als multipart/form-data mit den Feldern „file“ und „format“.');
	}
	const form = await request.formData().catch(() => {
		throw new AppError('bad_request', 'Der multipart-Inhalt ist unvollständig oder beschädigt.');
	});
	const format = String(form.get('format') ?? '');
	const file = form.get('file');
	const details = [];
	if (!(EXCHANGE_FORMATS as readonly string[]).includes(format)) details.push({ path: 'format', message: 'Möglich sind json, moodle-csv und csv.' });
	if (!(file instanceof File) || file.size === 0) details.push({ path: 'file', message: 'Die Datei fehlt oder ist leer.' });
	const language = String(form.get('language') ?? 'de') as 'de' | 'en';
	if (language !== 'de' && language !== 'en') details.push({ path: 'language', message: 'Möglich sind de und en.' });
	if (details.length || !(file instanceof File)) throw new AppError('validation_failed', 'Die Angaben sind unvollständig oder ungültig.', details);
	const created = await importFramework(ctx, {
		format: format as ExchangeFormat,
		fileName: file.name,
		bytes: new Uint8Array(await file.arrayBuffer()),
		language
	});
	return json({ id: created.id, warnings: created.warnings }, { status: 201 });
});
