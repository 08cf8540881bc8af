import { randomUUID } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { log } from '../observability/logger';
import { countRequest } from '../observability/metrics';

/** A load balancer's or proxy's request id is kept when it looks like one (no spaces, no personal text); otherwise a new one. */
const FOREIGN_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdFor(header: string | null): string {
	return header && FOREIGN_ID.test(header) ? header : randomUUID();
}

/** What a request's log line names: the route as declared (`/t/[token]`), never the path with its token. */
function routeOf(event: RequestEvent): string {
	return event.route.id ?? '(keine Route)';
}

/**
 * The first hook: every request gets its id (the caller's `x-request-id` or a new one), answers
 * with it, and leaves one log line with method, route, status and duration.
 */
export const observeRequests: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFor(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	const entry = (status: number) => ({ requestId, method: event.request.method, route: routeOf(event), status, durationMs: Math.round((performance.now() - started) * 10) / 10 });
	let response: Response;
	try {
		response = await resolve(event);
	} catch (cause) {
		const failed = entry(500);
		countRequest(event.route.id, event.request.method, 500, failed.durationMs / 1000);
		log().error(failed, 'Anfrage fehlgeschlagen');
		throw cause;
	}
	try {
		response.headers.set('x-request-id', requestId);
	} catch {
		// An immutable response (a fetched one passed on) keeps its headers.
	}
	const done = entry(response.status);
	countRequest(event.route.id, event.request.method, response.status, done.durationMs / 1000);
	log().info(done, 'Anfrage');
	return response;
};
