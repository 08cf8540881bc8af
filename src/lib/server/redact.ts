/**
 * Nothing that opens a door goes into a log line: participant links, invitation and reset links,
 * registration and cancellation links, certificate codes. Logs are read by more people (hosting,
 * support) and kept longer than these links live.
 */

/**
 * Routes (as in `src/routes`) whose `[param]` segments carry a secret; every path below them too.
 * `redact.test.ts` walks `src/routes` and fails for a route with a secret-like parameter missing here.
 */
export const SECRET_ROUTES = [
	'/t/offen/[token]',
	'/t/[token]',
	'/einladung/[token]',
	'/passwort-zuruecksetzen/[token]',
	'/katalog/anmeldung/[token]',
	'/api/v1/participate/[token]',
	'/api/v1/registrations/[cancelToken]',
	// A certificate's verification code shows a person's name and attendance to whoever holds it.
	'/bescheinigung/[code]',
	'/app/katalog/termin/[sessionId]/bescheinigung/[code]'
] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|\\]/g, '\\$&');

/** '/t/[token]' → '/t/<anything up to the next slash, query or space>', as a pattern source. */
function routePattern(route: string): string {
	return route
		.split('/')
		.slice(1)
		.map((segment) => (/^\[.+\]$/.test(segment) ? '/[^/?#\\s"\'<>]+' : `/${escape(segment)}`))
		.join('');
}

/** Most specific first ('/t/offen/…' before '/t/…'); one alternative per route, each its own group. */
const ROUTE_OF_GROUP = [...SECRET_ROUTES].sort((a, b) => b.split('/').length - a.split('/').length);
const SECRET_PATHS = new RegExp(ROUTE_OF_GROUP.map((route) => `(${routePattern(route)})`).join('|'), 'g');

/** Our tokens are 256 random bits in base64url (43 characters, sometimes with a prefix): hidden wherever they appear. */
const TOKEN_LIKE = /(?<![A-Za-z0-9_-])(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9_-]))[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;

/** The text with every secret route's parameters replaced by their names (`/t/[token]/seite/2`) and every token-like string hidden. */
export function redactSecrets(text: string): string {
	const routes = text.replace(SECRET_PATHS, (...args: unknown[]) => ROUTE_OF_GROUP[args.slice(1, 1 + ROUTE_OF_GROUP.length).findIndex((group) => group !== undefined)]);
	return routes.replace(TOKEN_LIKE, '[verborgen]');
}

/** An error as one redacted text: its stack (or message), and what caused it. */
export function loggableError(error: unknown): string {
	const describe = (value: unknown): string => (value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : String(value));
	const cause = error instanceof Error && error.cause !== undefined ? `\nUrsache: ${describe(error.cause)}` : '';
	return redactSecrets(describe(error) + cause);
}
