import { z } from 'zod';
import { inviteSchema, roleSchema } from '$lib/schemas/accounts';
import { inviteMember } from '$lib/server/accounts/invitations';
import { changeRole, listMembers, listOpenInvitations, listOutbox } from '$lib/server/accounts/members';
import { can } from '$lib/server/auth/actor';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = requireTenant(locals, 'org.manage');
	return {
		members: await listMembers(ctx),
		invitations: await listOpenInvitations(ctx),
		outbox: can(locals.actor, 'outbox.read') ? await listOutbox(ctx) : [],
		mayManageMembers: can(locals.actor, 'members.manage')
	};
};

export const actions: Actions = {
	invite: async ({ request, locals, url }) => {
		const ctx = requireTenant(locals, 'members.manage');
		const parsed = await parseForm(request, inviteSchema);
		if (!parsed.ok) return parsed.failure;
		try {
			await inviteMember(ctx, { ...parsed.data, baseUrl: process.env.STADTWISSEN_ORIGIN ?? url.origin });
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		return { invited: parsed.data.email };
	},
	role: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'members.manage');
		const parsed = await parseForm(request, z.object({ userId: z.uuid('Unbekannte Person.'), role: roleSchema }));
		if (!parsed.ok) return parsed.failure;
		try {
			await changeRole(ctx, parsed.data);
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		return { roleChanged: true };
	}
};
