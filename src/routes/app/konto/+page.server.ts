import { changePasswordSchema, revokeTokenSchema, tokenNameSchema } from '$lib/schemas/accounts';
import { changePassword } from '$lib/server/accounts/change-password';
import { createApiToken } from '$lib/server/auth/create-api-token';
import { signInSettings } from '$lib/server/auth/oidc-settings';
import { listApiTokens } from '$lib/server/auth/list-api-tokens';
import { revokeApiToken } from '$lib/server/auth/revoke-api-token';
import { SESSION_COOKIE } from '$lib/server/auth/session-lifetime';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'account', async ({ db, actor }) => ({ tokens: actor.org ? await listApiTokens(db, actor.userId, actor.org.orgId) : [], passwordLogin: signInSettings().passwordLogin }));

export const actions: Actions = {
	password: (event) =>
		runAction(event, {
			access: 'account',
			form: changePasswordSchema,
			run: async ({ db, actor }, input) => {
				await changePassword(db, { userId: actor.userId, currentPassword: input.currentPassword, newPassword: input.password, sessionToken: event.cookies.get(SESSION_COOKIE) ?? '' });
				return { passwordChanged: true };
			}
		}),
	createToken: (event) =>
		runAction(event, {
			access: 'tokens.own',
			form: tokenNameSchema,
			run: async ({ db, actor, org }, { name }) => ({ newToken: (await createApiToken(db, { userId: actor.userId, orgId: org.orgId, name })).token })
		}),
	revokeToken: (event) =>
		runAction(event, {
			access: 'tokens.own',
			form: revokeTokenSchema,
			run: async ({ db, actor, org }, { tokenId }) => {
				await revokeApiToken(db, { userId: actor.userId, orgId: org.orgId, tokenId });
				return { tokenRevoked: true };
			}
		})
};
