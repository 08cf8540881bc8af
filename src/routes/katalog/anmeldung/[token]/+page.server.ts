import { cancelOwnRegistrationForm, feedbackInputSchema } from '$lib/schemas/catalogue';
import { submitFeedback } from '$lib/server/catalogue/submit-feedback';
import { cancelRegistration } from '$lib/server/catalogue/cancel-registration';
import { confirmRegistration } from '$lib/server/catalogue/confirm-registration';
import { getRegistrationPage } from '$lib/server/catalogue/get-registration-page';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

/** A personal registration link: the link is the credential; a session cookie adds nothing. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getRegistrationPage(ctx, event.params.token));

export const actions: Actions = {
	confirm: (event) => runAction(event, { access: 'public', sendsMail: true, run: (ctx) => confirmRegistration(ctx, event.params.token).then(() => ({ done: 'confirmed' })) }),
	cancel: (event) => runAction(event, { access: 'public', sendsMail: true, form: cancelOwnRegistrationForm, run: (ctx) => cancelRegistration(ctx, event.params.token).then(() => ({ done: 'cancelled' })) }),
	feedback: (event) =>
		runAction(event, {
			access: 'public',
			form: feedbackInputSchema,
			run: (ctx, input) => submitFeedback(ctx, event.params.token, input).then(() => ({ done: 'feedback' }))
		})
};
