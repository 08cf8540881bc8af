/**
 * Plain-HTTP helpers (fetch, no browser): log in like a form post does, post forms with the
 * server's Origin, create API tokens. Redirects are never followed, so callers
 * see the 303 and its Location.
 */
import { expect } from 'vitest';
import { e2eContext, type Role } from './context';
import { linkFromMailbox } from './mailbox';

export interface RequestOptions {
	/** `sw_session=…` */
	cookie?: string;
	bearer?: string;
	/** Origin header for POSTs; defaults to the server's own origin. `null` sends none. */
	origin?: string | null;
	headers?: Record<string, string>;
	/** A raw request body (e.g. JSON; set its content-type in `headers`), instead of form fields. */
	body?: string;
}

export async function request(base: string, method: string, path: string, fields: Record<string, string> | null, options: RequestOptions = {}): Promise<Response> {
	const headers: Record<string, string> = { accept: 'text/html', ...options.headers };
	if (options.cookie) headers.cookie = options.cookie;
	if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
	if (method !== 'GET' && method !== 'HEAD') {
		const origin = options.origin === undefined ? new URL(base).origin : options.origin;
		if (origin !== null) headers.origin = origin;
	}
	let body = options.body;
	if (fields) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(fields).toString();
	}
	return fetch(new URL(path, base), { method, headers, body, redirect: 'manual' });
}

/** A JSON API request with an optional bearer token; any status ≥ 300 throws with the answer, so set-up steps fail loudly. */
export async function apiJson<T>(base: string, token: string | undefined, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
	const response = await request(base, method, path, null, {
		bearer: token,
		headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
	return JSON.parse(text) as T;
}

/**
 * Set-ups that build studies over /api/v1 (delphi, study-dates): `api(path, token)` GETs,
 * `api(path, token, body, headers)` POSTs JSON, `null` as token for public endpoints such as
 * /participate; like apiJson, any status ≥ 300 throws with the answer.
 */
export function apiV1(base: string) {
	return (pathname: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> =>
		apiJson(base, token ?? undefined, body === undefined ? 'GET' : 'POST', `/api/v1${pathname}`, body, headers);
}

export const get = (base: string, path: string, options?: RequestOptions) => request(base, 'GET', path, null, options);
export const postForm = (base: string, path: string, fields: Record<string, string>, options?: RequestOptions) => request(base, 'POST', path, fields, options);

/** `name=value` of a Set-Cookie header in the response, or null. */
export function responseCookie(response: Response, name: string): string | null {
	for (const header of response.headers.getSetCookie()) {
		const [pair] = header.split(';');
		if (pair.startsWith(`${name}=`)) return pair;
	}
	return null;
}

/** Logs in through POST /anmelden and returns the session cookie. */
export async function login(base: string, email: string, password: string): Promise<string> {
	const response = await postForm(base, '/anmelden', { email, password });
	expect(response.status, `login of ${email}`).toBe(303);
	const cookie = responseCookie(response, 'sw_session');
	if (!cookie) throw new Error(`login of ${email}: no session cookie in the answer`);
	return cookie;
}

/** Creates an API token on /app/konto as the signed-in user and returns the secret shown once. */
export async function createApiToken(base: string, cookie: string, name: string): Promise<string> {
	const response = await postForm(base, '/app/konto?/createToken', { name }, { cookie });
	expect(response.status, 'create API token').toBe(200);
	const match = /class="secret">(swt_[A-Za-z0-9_-]+)</.exec(await response.text());
	if (!match) throw new Error('create API token: the answer shows no token');
	return match[1];
}

export interface InvitedMember {
	email: string;
	name: string;
	password: string;
	role: Role;
}

/** Invites a new member as owner and accepts the invitation over HTTP; returns the new member's session cookie. */
export async function inviteAndAccept(base: string, ownerCookie: string, member: InvitedMember): Promise<string> {
	const invited = await postForm(base, '/app/einstellungen?/invite', { email: member.email, role: member.role }, { cookie: ownerCookie });
	expect(invited.status, `invite ${member.email}`).toBe(200);
	const link = new URL(await linkFromMailbox(e2eContext().mailbox, member.email, '/einladung/'));
	const accepted = await postForm(base, link.pathname, { name: member.name, password: member.password, passwordRepeat: member.password });
	expect(accepted.status, `accept the invitation of ${member.email}`).toBe(303);
	const cookie = responseCookie(accepted, 'sw_session');
	if (!cookie) throw new Error('accepting the invitation gave no session');
	return cookie;
}

/** A unique address per call, so journeys at both widths and repeated runs never collide. */
export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.example`;
}
