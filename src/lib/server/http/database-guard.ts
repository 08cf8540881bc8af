import type { Handle } from '@sveltejs/kit';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable';
import { apiFailure } from './failures';

/** A page whose load refused with 503 (http/failures.ts) renders SvelteKit's error page, which cannot set headers itself. */
function withRetryAfter(response: Response): Response {
	if (response.status !== 503 || response.headers.has('retry-after')) return response;
	const seconds = String(databaseUnavailable().retryAfterSeconds);
	try {
		response.headers.set('retry-after', seconds);
		return response;
	} catch {
		const headers = new Headers(response.headers);
		headers.set('retry-after', seconds);
		return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	}
}

/**
 * The database gone (restart, outage) while a hook reads the session or API key: a calm 503 with
 * Retry-After instead of a 500. Loads, actions and API handlers map it themselves (http/failures.ts);
 * their 503 pages get the Retry-After here.
 */
export const databaseGuard: Handle = async ({ event, resolve }) => {
	try {
		return withRetryAfter(await resolve(event));
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
