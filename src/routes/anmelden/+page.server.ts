import { redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas/accounts';
import { login } from '$lib/server/accounts/login';
import { signInSettings } from '$lib/server/auth/oidc-settings';
import { DEMO_EMAIL, isDemoInstance } from '$lib/server/demo/load-demo';
import { loadPage, runSignIn } from '$lib/server/http/adapter';
import { safeReturnPath } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

const afterLogin = (url: URL) => safeReturnPath(url.searchParams.get('weiter'), '/app');

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		if (ctx.actor) redirect(303, afterLogin(event.url));
		const { oidc, passwordLogin } = signInSettings();
		return { demoEmail: passwordLogin && (await isDemoInstance(ctx.db)) ? DEMO_EMAIL : null, resetDone: event.url.searchParams.has('zurueckgesetzt'), sso: oidc !== null, passwordLogin };
	});

export const actions: Actions = {
	default: (event) => runSignIn(event, { form: loginSchema, run: (ctx, input) => login(ctx.db, { ...input, ip: ctx.clientAddress }), redirect: () => afterLogin(event.url) })
};
