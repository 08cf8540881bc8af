import { redirect } from '@sveltejs/kit';
import { setupSchema } from '$lib/schemas/accounts';
import { hasAnyUser } from '$lib/server/demo/load-demo';
import { setUpInstance } from '$lib/server/accounts/set-up-instance';
import { loadPage, runSignIn } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		if (await hasAnyUser(ctx.db)) redirect(303, '/anmelden');
	});

export const actions: Actions = {
	default: (event) => runSignIn(event, { form: setupSchema, run: (ctx, input) => setUpInstance(ctx.db, input), redirect: () => '/app' })
};
