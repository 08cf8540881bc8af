import { startOidcLogin } from '$lib/server/auth/start-oidc-login';
import { safeReturnPath } from '$lib/server/http/cookies';
import { beginSignInElsewhere } from '$lib/server/http/sso';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => beginSignInElsewhere(event, (ctx) => startOidcLogin(ctx, { returnTo: safeReturnPath(event.url.searchParams.get('weiter'), '/app') }));
