import { finishOidcLogin } from '$lib/server/auth/finish-oidc-login';
import { finishSignInElsewhere } from '$lib/server/http/sso';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => finishSignInElsewhere(event, (ctx, pending) => finishOidcLogin(ctx, { query: event.url.search, pending }));
