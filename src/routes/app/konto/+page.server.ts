import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { changePasswordSchema, tokenNameSchema } from '$lib/schemas/accounts';
import { changePassword } from '$lib/server/accounts/passwords';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { getDatabase } from '$lib/server/db/client';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!actor) error(401, 'Bitte melden Sie sich an.');
	return { tokens: actor.org ? await listApiTokens(getDatabase(), actor.userId, actor.org.orgId) : [] };
};

export const actions: Actions = {
	password: async ({ request, locals, cookies }) => {
		if (!locals.actor) error(401, 'Bitte melden Sie sich an.');
		const parsed = await parseForm(request, changePasswordSchema);
		if (!parsed.ok) return parsed.failure;
		try {
			await changePassword(getDatabase(), {
				userId: locals.actor.userId,
				currentPassword: parsed.data.currentPassword,
				newPassword: parsed.data.password,
				sessionToken: cookies.get(SESSION_COOKIE) ?? ''
			});
		} catch (cause) {
			return formFailure(cause);
		}
		return { passwordChanged: true };
	},
	createToken: async ({ request, locals }) => {
		const { db, actor, org } = requireTenant(locals, 'tokens.own');
		const parsed = await parseForm(request, tokenNameSchema);
		if (!parsed.ok) return parsed.failure;
		const { token } = await createApiToken(db, { userId: actor.userId, orgId: org.orgId, name: parsed.data.name });
		return { newToken: token };
	},
	revokeToken: async ({ request, locals }) => {
		const { db, actor, org } = requireTenant(locals, 'tokens.own');
		const parsed = await parseForm(request, z.object({ tokenId: z.uuid('Unbekannter Schlüssel.') }));
		if (!parsed.ok) return parsed.failure;
		await revokeApiToken(db, { userId: actor.userId, orgId: org.orgId, tokenId: parsed.data.tokenId });
		return { tokenRevoked: true };
	}
};
