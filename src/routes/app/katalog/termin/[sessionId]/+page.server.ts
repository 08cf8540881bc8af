import { eraseRegistrationForm, moveRegistrationForm, registrationIdForm, sessionInputSchema, sessionStatusForm } from '$lib/schemas/catalogue';
import { readRegistrationForm, readSessionForm, withSchemaProblems } from '$lib/server/catalogue/forms';
import { getSessionOverview } from '$lib/server/catalogue/get-session-overview';
import { cancelByOrganiser } from '$lib/server/catalogue/cancel-by-organiser';
import { eraseRegistration } from '$lib/server/catalogue/erase-registration';
import { moveRegistration } from '$lib/server/catalogue/move-registration';
import { registerPerson } from '$lib/server/catalogue/register-person';
import { setSessionStatus } from '$lib/server/catalogue/set-session-status';
import { updateSession } from '$lib/server/catalogue/update-session';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await getSessionOverview(ctx, event.params.sessionId)), created: event.url.searchParams.has('angelegt') }));

/** Every action here may send mail: to registrants about their session or registration, or a freed seat to the waiting list. */
const MAILS = { sendsMail: true } as const;

export const actions: Actions = {
	status: formAction('org.manage', sessionStatusForm, (ctx, { status }, { params }) => setSessionStatus(ctx, params.sessionId, status).then(() => ({ done: 'status' })), MAILS),
	// The session form and the form to register someone show their problems at themselves.
	update: formAction(
		'org.manage',
		(form) => withSchemaProblems(readSessionForm(form), sessionInputSchema),
		(ctx, input, { params }) => updateSession(ctx, params.sessionId, input).then(() => ({ done: 'saved' })),
		{ ...MAILS, failure: { sessionForm: true } }
	),
	register: formAction(
		'org.manage',
		readRegistrationForm,
		async (ctx, { person }, { params }) => ({ done: 'registered', name: person.name.trim(), status: (await registerPerson(ctx, params.sessionId, person)).status }),
		{ ...MAILS, failure: { registerForm: true } }
	),
	cancelRegistration: formAction('org.manage', registrationIdForm, (ctx, { registrationId }) => cancelByOrganiser(ctx, registrationId).then(() => ({ done: 'cancelled' })), MAILS),
	move: formAction('org.manage', moveRegistrationForm, (ctx, { registrationId, targetSessionId }) => moveRegistration(ctx, registrationId, targetSessionId).then(() => ({ done: 'moved' })), MAILS),
	erase: formAction('org.manage', eraseRegistrationForm, (ctx, { registrationId }) => eraseRegistration(ctx, registrationId).then(() => ({ done: 'erased' })), MAILS)
};
