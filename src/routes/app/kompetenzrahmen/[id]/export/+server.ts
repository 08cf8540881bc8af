import { error } from '@sveltejs/kit';
import { EXCHANGE_FORMATS, exportFramework, type ExchangeFormat } from '$lib/server/frameworks/exchange';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'frameworks.read');
	const format = url.searchParams.get('format') ?? 'json';
	if (!(EXCHANGE_FORMATS as readonly string[]).includes(format)) error(400, 'Unbekanntes Format. Möglich sind json, moodle-csv und csv.');
	const language = url.searchParams.get('sprache') === 'en' ? 'en' : 'de';
	const framework = await orPageError(getFramework(ctx, params.id));
	return attachment(exportFramework(framework.document, format as ExchangeFormat, language));
};
