import { redirect } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/client';
import { clearSessionCookie } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url, locals }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) {
			const db = getDatabase();
			await deleteSession(db, token);
			if (locals.actor) await recordAudit(db, 'logout', { userId: locals.actor.userId });
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
