/**
 * A real OpenID Connect provider (`oidc-provider`, the certified implementation) in the test's own
 * process, on a free port of 127.0.0.1 — for the integration test of the code flow and the browser
 * journey. Nothing of the flow is mocked: discovery, the authorization endpoint with its login
 * page (the provider's development interactions: a form that signs in whichever login is typed),
 * the token endpoint, signed ID tokens and the JWKS are the provider's own.
 *
 * Accounts are the `accounts` given at start, by login name; consent is granted for the one
 * client (a first-party client, as Stadtwissen is for a municipality's Keycloak), so the provider
 * asks for the login only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
	email: string;
	email_verified: boolean;
	name?: string;
	/** Extra claims in the ID token, e.g. `{ stadtwissen_rolle: ['organiser'] }`. */
	claims?: Record<string, unknown>;
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Adds or replaces an account (login name → claims) while the provider runs. */
	setAccount(login: string, account: TestAccount): void;
	close(): Promise<void>;
}

export async function startTestProvider(options: { redirectUris: string[]; accounts?: Record<string, TestAccount>; extraClaims?: string[] }): Promise<TestProvider> {
	const accounts = new Map(Object.entries(options.accounts ?? {}));
	const clientId = 'stadtwissen';
	const clientSecret = 'test-secret-0123456789abcdef0123456789abcdef';
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const extra = options.extraClaims ?? [];

	const configuration: Configuration = {
		clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, response_types: ['code'], grant_types: ['authorization_code'] }],
		pkce: { required: () => true },
		// Extra claims (a role claim) come with `openid`, as a Keycloak mapper adds them whatever the scope.
		claims: { openid: ['sub', ...extra], email: ['email', 'email_verified'], profile: ['name'] },
		// Claims go into the ID token itself (as Keycloak does by default), not only to /userinfo.
		conformIdTokenClaims: false,
		findAccount: (_ctx, sub) => {
			const account = accounts.get(sub);
			if (!account) return undefined;
			return { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: account.email_verified, name: account.name, ...account.claims }) };
		},
		// First-party client: every scope asked for is granted, no consent page.
		loadExistingGrant: async (ctx) => {
			const session = ctx.oidc.session;
			if (!session?.accountId || !ctx.oidc.client) return undefined;
			const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: session.accountId });
			grant.addOIDCScope('openid email profile');
			grant.addOIDCClaims(['email', 'email_verified', 'name', ...extra]);
			await grant.save();
			return grant;
		},
		features: { devInteractions: { enabled: true } },
		cookies: { keys: ['test-cookie-key-0123456789'] },
		ttl: { Session: 600, Interaction: 600, Grant: 600, AuthorizationCode: 60, IdToken: 600, AccessToken: 600 }
	};
	const provider = new Provider(issuer, configuration);
	// Its own log lines about development keys and interactions are expected here.
	provider.on('server_error', (_ctx, error) => console.error('[test OIDC provider]', error));
	server.on('request', provider.callback());

	return {
		issuer,
		clientId,
		clientSecret,
		setAccount: (login, account) => void accounts.set(login, account),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
