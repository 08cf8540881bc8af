import { redirect } from '@sveltejs/kit';
import { setupSchema } from '$lib/schemas/accounts';
import { hasAnyUser } from '$lib/server/demo/load-demo';
import { setUpInstance } from '$lib/server/accounts/set-up-instance';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { setSessionCookie } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		if (await hasAnyUser(ctx.db)) redirect(303, '/anmelden');
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: setupSchema,
			run: async (ctx, input) => {
				const session = await setUpInstance(ctx.db, input);
				setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
			},
			redirect: () => '/app'
		})
};
