import { redirect, type RequestEvent } from '@sveltejs/kit';
import { CALLBACK_PATH } from '../auth/oidc-client';
import { decodePending, encodePending, PENDING_COOKIE, PENDING_MINUTES, type PendingSignIn } from '../auth/oidc-pending';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { contextFor } from './context';
import { setSessionCookie } from './cookies';
import { pageError } from './failures';

/*
 * The adapter for signing in at another service (single sign-on): the two page loads of the code
 * flow. Both either redirect — to the provider, then into Stadtwissen with a session — or return
 * the refusal's German sentence for the page to show calmly (no error page, never a 500). The
 * pending sign-in travels in an httpOnly cookie sent only to the callback.
 */

export interface SignInRefusal {
	refusal: string;
}

function refused(cause: unknown): SignInRefusal {
	if (cause instanceof AppError) return { refusal: cause.message };
	return pageError(cause);
}

/** `/anmelden/verwaltung`: off to the provider, the pending sign-in kept in the browser. */
export async function beginSignInElsewhere(event: RequestEvent, run: (ctx: RequestContext) => Promise<{ url: string; pending: PendingSignIn }>): Promise<SignInRefusal> {
	let target: string;
	try {
		const { url, pending } = await run(contextFor(event, 'public'));
		event.cookies.set(PENDING_COOKIE, encodePending(pending), { path: CALLBACK_PATH, httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', maxAge: PENDING_MINUTES * 60 });
		target = url;
	} catch (cause) {
		return refused(cause);
	}
	redirect(303, target);
}

/** The callback: the pending sign-in is used up whatever happens; a session on success. */
export async function finishSignInElsewhere(
	event: RequestEvent,
	run: (ctx: RequestContext, pending: PendingSignIn | null) => Promise<{ token: string; expiresAt: Date; returnTo: string }>
): Promise<SignInRefusal> {
	const pending = decodePending(event.cookies.get(PENDING_COOKIE));
	event.cookies.delete(PENDING_COOKIE, { path: CALLBACK_PATH, secure: event.url.protocol === 'https:' });
	let target: string;
	try {
		const session = await run(contextFor(event, 'public'), pending);
		setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		target = session.returnTo;
	} catch (cause) {
		return refused(cause);
	}
	redirect(303, target);
}
