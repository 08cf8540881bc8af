import { registrantMessageForm } from '$lib/schemas/catalogue';
import { getMessagePage } from '$lib/server/catalogue/get-message-page';
import { messageRegistrants, messageValues } from '$lib/server/catalogue/message-registrants';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => getMessagePage(ctx, event.params.sessionId));

export const actions: Actions = {
	// First without `confirm`: the count of recipients to confirm; then with `confirm=yes`: sent.
	default: formAction('org.manage', registrantMessageForm, (ctx, input, { params }) => messageRegistrants(ctx, params.sessionId, input).then((outcome) => ({ ...outcome, values: messageValues(input) })), { sendsMail: true })
};
