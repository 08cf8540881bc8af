import { AppError } from '$lib/server/errors';
import { EXCHANGE_FORMATS, exportFramework, type ExchangeFormat } from '$lib/server/frameworks/exchange';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const ctx = apiTenant(locals, 'frameworks.read');
	const format = url.searchParams.get('format') ?? 'json';
	if (!(EXCHANGE_FORMATS as readonly string[]).includes(format)) {
		throw new AppError('validation_failed', 'Unbekanntes Format.', [{ path: 'format', message: 'Möglich sind json, moodle-csv und csv.' }]);
	}
	const language = url.searchParams.get('language') ?? 'de';
	if (language !== 'de' && language !== 'en') throw new AppError('validation_failed', 'Unbekannte Sprache.', [{ path: 'language', message: 'Möglich sind de und en.' }]);
	const framework = await getFramework(ctx, params.id);
	return attachment(exportFramework(framework.document, format as ExchangeFormat, language));
});
