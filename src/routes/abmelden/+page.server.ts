import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/accounts/logout';
import { SESSION_COOKIE } from '$lib/server/auth/session-lifetime';
import { runAction } from '$lib/server/http/adapter';
import { clearSessionCookie } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			run: async (ctx) => {
				await logout(ctx, event.cookies.get(SESSION_COOKIE));
				clearSessionCookie(event.cookies, event.url);
			},
			redirect: () => '/'
		})
};
