import { passwordResetRequestSchema } from '$lib/schemas/accounts';
import { passwordResetPage } from '$lib/server/accounts/get-password-reset-page';
import { requestPasswordReset } from '$lib/server/accounts/request-password-reset';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', passwordResetPage);

export const actions: Actions = {
	default: formAction('public', passwordResetRequestSchema, (ctx, { email }) =>
		requestPasswordReset(ctx.db, { email, baseUrl: ctx.baseUrl, ip: ctx.clientAddress, mailHostAccepted: ctx.mailHostAccepted }).then(() => ({ sent: true }))
	)
};
