import type { Actor } from '../../src/lib/server/auth/actor';

/** What SvelteKit hands a form action or +server.ts handler, as far as ours read it. */
export function routeEvent(origin: string, options: { actor: Actor | null; path: string; params: Record<string, string>; method?: string; form?: Record<string, string> }) {
	const url = new URL(options.path, origin);
	let body: FormData | undefined;
	if (options.form) {
		body = new FormData();
		for (const [name, value] of Object.entries(options.form)) body.append(name, value);
	}
	const request = new Request(url, { method: options.method ?? 'POST', body, headers: { host: url.host } });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a partial RequestEvent is all the handlers use
	return { locals: { actor: options.actor, locale: 'de', requestId: 'test' }, params: options.params, request, url, getClientAddress: () => '192.0.2.7' } as any;
}
