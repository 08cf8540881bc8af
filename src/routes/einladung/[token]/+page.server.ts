import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { newPasswordSchema, personNameSchema } from '$lib/schemas/accounts';
import { acceptInvitation, findInvitation } from '$lib/server/accounts/invitations';
import { createSession, switchOrganisation, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/client';
import { setSessionCookie } from '$lib/server/http/cookies';
import { formFailure, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const newAccountSchema = z
	.object({ name: personNameSchema, password: newPasswordSchema, passwordRepeat: z.string() })
	.refine((v) => v.password === v.passwordRepeat, { message: 'Die beiden Passwörter stimmen nicht überein.', path: ['passwordRepeat'] });

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await findInvitation(getDatabase(), params.token);
	if (!invitation) return { invitation: null };
	return {
		invitation: { orgName: invitation.orgName, role: invitation.role, email: invitation.email, hasAccount: invitation.hasAccount },
		signedInAsInvitee: locals.actor?.email.toLowerCase() === invitation.email
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals, cookies, url }) => {
		const db = getDatabase();
		const invitation = await findInvitation(db, params.token);
		let accepted;
		if (invitation && !invitation.hasAccount) {
			const parsed = await parseForm(request, newAccountSchema);
			if (!parsed.ok) return parsed.failure;
			try {
				accepted = await acceptInvitation(db, { token: params.token, newAccount: parsed.data });
			} catch (error) {
				return formFailure(error, parsed.form);
			}
			const session = await createSession(db, accepted.userId);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
		} else {
			try {
				accepted = await acceptInvitation(db, { token: params.token, signedInUserId: locals.actor?.userId });
			} catch (error) {
				return formFailure(error);
			}
			const token = cookies.get(SESSION_COOKIE);
			if (token) await switchOrganisation(db, token, accepted.userId, accepted.orgId);
		}
		redirect(303, '/app');
	}
};
