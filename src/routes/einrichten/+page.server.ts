import { redirect } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { setupSchema } from '$lib/schemas/accounts';
import { createUserInOrganisation } from '$lib/server/accounts/create-user';
import { createSession } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/client';
import { hasAnyUser } from '$lib/server/demo/load-demo';
import { AppError } from '$lib/server/errors';
import { setSessionCookie } from '$lib/server/http/cookies';
import { formFailure, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const SETUP_LOCK = 727_384_002;

export const load: PageServerLoad = async () => {
	if (await hasAnyUser(getDatabase())) redirect(303, '/anmelden');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const parsed = await parseForm(request, setupSchema);
		if (!parsed.ok) return parsed.failure;
		const { orgName, name, email, password } = parsed.data;
		let session;
		try {
			session = await getDatabase().transaction(async (tx) => {
				// Two people opening the setup page at once must not both become the first owner.
				await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
				if (await hasAnyUser(tx)) throw new AppError('conflict', 'Stadtwissen ist bereits eingerichtet. Bitte melden Sie sich an.');
				const { userId } = await createUserInOrganisation(tx, { email, name, password, orgName, role: 'owner' });
				return createSession(tx, userId);
			});
		} catch (error) {
			return formFailure(error, parsed.form);
		}
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/app');
	}
};
