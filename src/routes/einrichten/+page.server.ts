import { redirect } from '@sveltejs/kit';
import { setupSchema, ssoSetupSchema } from '$lib/schemas/accounts';
import { hasAnyUser } from '$lib/server/demo/load-demo';
import { setUpInstance } from '$lib/server/accounts/set-up-instance';
import { signInSettings } from '$lib/server/auth/oidc-settings';
import { loadPage, runSignIn } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		if (await hasAnyUser(ctx.db)) redirect(303, '/anmelden');
		return { passwordLogin: signInSettings().passwordLogin };
	});

/** With passwords switched off (single sign-on only) the form asks for no password, and the owner signs in through the provider afterwards. */
export const actions: Actions = {
	default: (event) =>
		signInSettings().passwordLogin
			? runSignIn(event, { form: setupSchema, run: (ctx, input) => setUpInstance(ctx.db, input), redirect: () => '/app' })
			: runSignIn(event, { form: ssoSetupSchema, run: (ctx, input) => setUpInstance(ctx.db, input), redirect: () => '/anmelden' })
};
