import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { SESSION_COOKIE, switchOrganisation } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/client';
import { parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/app');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const parsed = await parseForm(request, z.object({ orgId: z.uuid('Bitte wählen Sie eine Organisation.') }));
		if (!parsed.ok) return parsed.failure;
		const token = cookies.get(SESSION_COOKIE);
		if (token && locals.actor) await switchOrganisation(getDatabase(), token, locals.actor.userId, parsed.data.orgId);
		redirect(303, '/app');
	}
};
