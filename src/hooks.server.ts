import { type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { LOCALE_COOKIE, negotiateLocale } from '$lib/i18n';
import { actorForApiToken } from '$lib/server/auth/actor-for-api-token';
import { actorForSession } from '$lib/server/auth/actor-for-session';
import { SESSION_COOKIE } from '$lib/server/auth/session-lifetime';
import { getDatabase } from '$lib/server/db/client';
import { carriesParticipantToken } from '$lib/server/http/bearer';
import { databaseGuard } from '$lib/server/http/database-guard';
import { apiError } from '$lib/server/http/failures';
import { observeRequests } from '$lib/server/http/observe-requests';
import { log } from '$lib/server/observability/logger';
import { redactSecrets } from '$lib/server/redact';

const isApi = (pathname: string) => pathname.startsWith('/api/');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = negotiateLocale(event.cookies.get(LOCALE_COOKIE));
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
};

/**
 * Cookie-authenticated forms are protected by an origin check; /api/v1 never reads cookies
 * (bearer tokens only), so cross-site requests there carry no ambient authority.
 */
const originGuard: Handle = async ({ event, resolve }) => {
	if (!SAFE_METHODS.has(event.request.method) && !isApi(event.url.pathname)) {
		const origin = event.request.headers.get('origin');
		if (origin !== event.url.origin) {
			return new Response('Diese Anfrage kam nicht von Stadtwissen selbst und wurde deshalb abgelehnt (Schutz vor Cross-Site-Request-Forgery).', {
				status: 403,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

/** SvelteKit answers a method an endpoint does not export in plain text; the API always speaks its JSON error document. */
function withJsonMethodError(response: Response): Response {
	if (response.status !== 405 || response.headers.get('content-type')?.includes('application/json')) return response;
	const allowed = response.headers.get('allow') ?? '';
	const refused = apiError('method_not_allowed', `Diese Methode gibt es für diese Adresse nicht.${allowed ? ` Erlaubt: ${allowed}.` : ''}`);
	if (allowed) refused.headers.set('allow', allowed);
	return refused;
}

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	if (isApi(event.url.pathname)) {
		const header = event.request.headers.get('authorization');
		// A Werkstatt participant's token is no API key: its endpoints resolve it themselves.
		if (header && !carriesParticipantToken(event.url.pathname)) {
			const match = /^Bearer\s+(\S+)$/i.exec(header);
			event.locals.actor = match ? await actorForApiToken(getDatabase(), match[1]) : null;
			if (!event.locals.actor) return apiError('unauthorized', 'Der API-Schlüssel fehlt, ist ungültig oder wurde widerrufen.');
		}
		return withJsonMethodError(await resolve(event));
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		event.locals.actor = await actorForSession(getDatabase(), token);
		if (!event.locals.actor) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	// Invitation and participation links carry secrets in their path: never send them to other
	// sites. (`no-referrer` would also make browsers send `Origin: null` on our own forms.)
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=31536000');
	if (event.locals.actor && !isApi(event.url.pathname)) headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(observeRequests, databaseGuard, locale, originGuard, authenticate, securityHeaders);

export const handleError: HandleServerError = ({ error, event, status }) => {
	// Paths carry participant, invitation and reset tokens: the log gets them redacted (src/lib/server/redact.ts).
	if (status !== 404) log().error({ requestId: event.locals.requestId, method: event.request.method, path: redactSecrets(event.url.pathname), err: error }, 'Interner Fehler');
	return { message: status === 404 ? 'Nicht gefunden' : 'Interner Fehler', code: event.locals.requestId };
};

