import { safeReturnPath } from '../http/cookies';

/*
 * What the browser keeps between leaving for the provider and coming back (an httpOnly cookie of
 * ten minutes, sent only to the callback): state, nonce, the PKCE verifier and where to go after
 * the sign-in. All three secrets are single-use random values; the provider's answer must match
 * them, so a callback without this cookie (another browser, an expired start) is refused.
 */

export const PENDING_COOKIE = 'sw_oidc';
export const PENDING_MINUTES = 10;

export interface PendingSignIn {
	state: string;
	nonce: string;
	verifier: string;
	returnTo: string;
}

export function encodePending(pending: PendingSignIn): string {
	return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

/** The cookie's content, or null when it is missing or not ours. */
export function decodePending(value: string | undefined): PendingSignIn | null {
	if (!value || value.length > 2000) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (parsed === null || typeof parsed !== 'object') return null;
		const { state, nonce, verifier, returnTo } = parsed as Record<string, unknown>;
		if (![state, nonce, verifier].every((part) => typeof part === 'string' && /^[\w-]{20,200}$/.test(part))) return null;
		return { state: state as string, nonce: nonce as string, verifier: verifier as string, returnTo: safeReturnPath(returnTo, '/app') };
	} catch {
		return null;
	}
}
