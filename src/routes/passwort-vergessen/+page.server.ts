import { passwordResetRequestSchema } from '$lib/schemas/accounts';
import { passwordResetPage, requestPasswordReset } from '$lib/server/accounts/passwords';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', passwordResetPage);

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: passwordResetRequestSchema,
			run: (ctx, { email }) => requestPasswordReset(ctx.db, { email, baseUrl: ctx.baseUrl, ip: ctx.clientAddress, mailHostAccepted: ctx.mailHostAccepted }).then(() => ({ sent: true }))
		})
};
