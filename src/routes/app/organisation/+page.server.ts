import { redirect } from '@sveltejs/kit';
import { switchOrganisationSchema } from '$lib/schemas/accounts';
import { SESSION_COOKIE } from '$lib/server/auth/session-lifetime';
import { switchOrganisation } from '$lib/server/auth/switch-organisation';
import { runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/app');

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: switchOrganisationSchema,
			// Without a session there is nothing to switch; /app then asks to sign in.
			run: async ({ db, actor }, { orgId }) => {
				const token = event.cookies.get(SESSION_COOKIE);
				if (token && actor) await switchOrganisation(db, token, actor.userId, orgId);
			},
			redirect: () => '/app'
		})
};
