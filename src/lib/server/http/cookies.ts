import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/session-lifetime';

/** Secure follows the scheme: SvelteKit's default would drop the cookie on plain http://127.0.0.1. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/** Only our own paths: an attacker's `back=https://evil.example` must not become a redirect. */
export function safeReturnPath(candidate: unknown, fallback = '/'): string {
	return typeof candidate === 'string' && /^\/(?!\/)[^\s\\]*$/.test(candidate) ? candidate : fallback;
}
