import { passwordResetRequestSchema } from '$lib/schemas/accounts';
import { requestPasswordReset } from '$lib/server/accounts/passwords';
import { runAction } from '$lib/server/http/adapter';
import type { Actions } from './$types';

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: passwordResetRequestSchema,
			run: async (ctx, { email }) => {
				await requestPasswordReset(ctx.db, { email, baseUrl: ctx.baseUrl, ip: ctx.clientAddress });
				return { sent: true };
			}
		})
};
