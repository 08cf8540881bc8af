import type { Handle } from '@sveltejs/kit';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable';
import { apiFailure } from './failures';

/**
 * The database gone (restart, outage) while a hook reads the session or API key: a calm 503 with
 * Retry-After instead of a 500. Loads, actions and API handlers map it themselves (http/failures.ts).
 */
export const databaseGuard: Handle = async ({ event, resolve }) => {
	try {
		return await resolve(event);
	} catch (cause) {
		if (!isDatabaseUnavailable(cause)) throw cause;
		if (event.url.pathname.startsWith('/api/')) return apiFailure(cause, event.locals.requestId);
		const refusal = databaseUnavailable();
		return new Response(
			`<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Gleich wieder da – Stadtwissen</title></head><body><main><h1>Gleich wieder da</h1><p>${refusal.message}</p><p><a href="">Seite neu laden</a></p></main></body></html>`,
			{ status: refusal.status, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(refusal.retryAfterSeconds), 'cache-control': 'no-store' } }
		);
	}
};
