import type { Actor } from '../../src/lib/server/auth/actor';
import { closeDatabase } from '../../src/lib/server/db/client';

type Handler = (event: never) => Response | Promise<Response>;

export interface RouteCall {
	path: string;
	method?: string;
	params?: Record<string, string>;
	/** What the authentication hook would have put into `locals.actor` (an API key's actor). */
	actor?: Actor | null;
	/** An `Authorization: Bearer` header the endpoint reads itself (e.g. a Werkstatt participant token). */
	bearer?: string;
	body?: unknown;
	raw?: string;
}

/** Calls an /api/v1 handler as SvelteKit does, for https://stadtwissen.test; the answer with its JSON (if any). */
export async function callRoute(handler: Handler, options: RouteCall) {
	const url = new URL(options.path, 'https://stadtwissen.test');
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
	const request = new Request(url, { method: options.method ?? 'GET', headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) });
	const event = { request, url, params: options.params ?? {}, locals: { actor: options.actor ?? null, requestId: 'test', locale: 'de' }, getClientAddress: () => '192.0.2.1' };
	const response = await (handler as (event: unknown) => Promise<Response>)(event);
	const text = await response.text();
	let json: unknown = undefined;
	try {
		json = JSON.parse(text);
	} catch {
		/* not JSON */
	}
	return { status: response.status, json: json as Record<string, unknown> & { error?: { code: string; message: string; details: { path?: string; message: string }[] } }, text, headers: response.headers };
}

/**
 * Points the app's own database connection (what route handlers reach through the adapter) at a
 * test file's database, for https://stadtwissen.test; returns what closes it again after the file.
 */
export async function serveRoutesFrom(databaseUrl: string): Promise<() => Promise<void>> {
	await closeDatabase();
	process.env.DATABASE_URL = databaseUrl;
	process.env.ORIGIN = 'https://stadtwissen.test';
	process.env.STADTWISSEN_ORIGIN = 'https://stadtwissen.test';
	return () => closeDatabase();
}
