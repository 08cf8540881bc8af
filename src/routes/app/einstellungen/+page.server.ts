import { changeRoleSchema, inviteSchema } from '$lib/schemas/accounts';
import { inviteMember } from '$lib/server/accounts/invite-member';
import { changeRole } from '$lib/server/accounts/change-role';
import { organisationSettings } from '$lib/server/accounts/get-organisation-settings';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', organisationSettings);

export const actions: Actions = {
	// The link is in this result only: shown once, to the person who invited.
	invite: formAction('members.manage', inviteSchema, async (ctx, input) => {
		const { link, mail } = await inviteMember(ctx, input);
		return { invited: input.email, invitationLink: link, mailed: mail === 'sent', mailRetrying: mail === 'retrying' };
	}),
	role: formAction('members.manage', changeRoleSchema, (ctx, input) => changeRole(ctx, input).then(() => ({ roleChanged: true })))
};
