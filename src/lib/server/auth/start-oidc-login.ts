import * as client from 'openid-client';
import type { RequestContext } from '../context';
import { CALLBACK_PATH, providerConfiguration, SCOPES } from './oidc-client';
import type { PendingSignIn } from './oidc-pending';
import { requireOidc } from './oidc-settings';

/**
 * The first half of the code flow: where the browser goes to sign in at the provider (with PKCE,
 * state and nonce), and what it keeps until it comes back. The redirect URI is built from the
 * configured base URL, never from the request's Host.
 */
export async function startOidcLogin(ctx: RequestContext, input: { returnTo: string }): Promise<{ url: string; pending: PendingSignIn }> {
	const settings = requireOidc();
	const configuration = await providerConfiguration(settings);
	const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo: input.returnTo };
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: `${ctx.baseUrl}${CALLBACK_PATH}`,
		scope: SCOPES,
		state: pending.state,
		nonce: pending.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		ui_locales: ctx.locale
	});
	return { url: url.href, pending };
}
