import type { Cookies } from '@sveltejs/kit';
import { normaliseJoinCode } from '../../domain/werkstatt/join-code';

/*
 * A Werkstatt participant's phone keeps its participant token in a cookie, scoped to the
 * Werkstatt's own path, so a phone in two Werkstätten holds two tokens and neither is sent elsewhere.
 */

export const PARTICIPANT_COOKIE = 'sw_wp';
/** A workshop day and the follow-up week: long enough to come back, short enough to be forgotten. */
const MAX_AGE_SECONDS = 14 * 24 * 3600;

/** The page's path as the board redirects to it: the code as printed (a typed lower-case code would miss the cookie). */
const pathOf = (code: string) => `/w/${normaliseJoinCode(code) ?? code}`;

export function participantToken(cookies: Cookies): string | null {
	return cookies.get(PARTICIPANT_COOKIE) ?? null;
}

/** httpOnly and SameSite=Lax like the session cookie; Secure follows the scheme (plain http on 127.0.0.1 keeps it). */
export function setParticipantCookie(cookies: Cookies, url: URL, code: string, token: string): void {
	cookies.set(PARTICIPANT_COOKIE, token, { path: pathOf(code), httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: MAX_AGE_SECONDS });
}
