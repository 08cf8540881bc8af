import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { databaseAnswers } from '$lib/server/platform/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) =>
		(await databaseAnswers(ctx.db))
			? json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
			: json({ status: 'unavailable', message: 'Die Datenbank antwortet nicht.' }, { status: 503, headers: { 'cache-control': 'no-store' } })
	);
