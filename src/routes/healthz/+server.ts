import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db/client';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	try {
		await getDatabase().execute(sql`SELECT 1`);
		return json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable', message: 'Die Datenbank antwortet nicht.' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
