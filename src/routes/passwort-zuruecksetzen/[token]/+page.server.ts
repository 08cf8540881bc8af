import { resetPasswordSchema } from '$lib/schemas/accounts';
import { isResetTokenValid } from '$lib/server/accounts/check-reset-token';
import { signInSettings } from '$lib/server/auth/oidc-settings';
import { resetPassword } from '$lib/server/accounts/reset-password';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', async (ctx) => ({ valid: await isResetTokenValid(ctx.db, event.params.token), passwordLogin: signInSettings().passwordLogin }));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: resetPasswordSchema,
			run: (ctx, { password }) => resetPassword(ctx.db, { token: event.params.token, newPassword: password }),
			redirect: () => '/anmelden?zurueckgesetzt'
		})
};
