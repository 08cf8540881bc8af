import { z } from 'zod';
import { acceptInvitationHere } from '$lib/server/accounts/accept-invitation-here';
import { findInvitation } from '$lib/server/accounts/find-invitation';
import { SESSION_COOKIE } from '$lib/server/auth/session-lifetime';
import { loadPage, runSignIn } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const invitation = await findInvitation(ctx.db, event.params.token);
		if (!invitation) return { invitation: null };
		return {
			invitation: { orgName: invitation.orgName, role: invitation.role, email: invitation.email, hasAccount: invitation.hasAccount, mayCreateAccount: invitation.mayCreateAccount },
			signedInAsInvitee: ctx.actor?.email.toLowerCase() === invitation.email
		};
	});

/** Checked by the use case, which knows whether the invited address needs a new account. */
const enteredFields = z.object({ name: z.string().optional(), password: z.string().optional(), passwordRepeat: z.string().optional() });

export const actions: Actions = {
	default: (event) =>
		runSignIn(event, {
			form: enteredFields,
			run: (ctx, entered) => acceptInvitationHere(ctx, { token: event.params.token, entered, sessionToken: event.cookies.get(SESSION_COOKIE) }),
			redirect: () => '/app'
		})
};
