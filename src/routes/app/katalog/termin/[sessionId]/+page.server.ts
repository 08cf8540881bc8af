import { eraseRegistrationForm, moveRegistrationForm, registrationIdForm, sessionInputSchema, sessionStatusForm } from '$lib/schemas/catalogue';
import { readRegistrationForm, readSessionForm, withSchemaProblems } from '$lib/server/catalogue/forms';
import { getSessionOverview } from '$lib/server/catalogue/get-session-overview';
import { cancelByOrganiser } from '$lib/server/catalogue/cancel-by-organiser';
import { eraseRegistration } from '$lib/server/catalogue/erase-registration';
import { moveRegistration } from '$lib/server/catalogue/move-registration';
import { registerPerson } from '$lib/server/catalogue/register-person';
import { setSessionStatus } from '$lib/server/catalogue/set-session-status';
import { updateSession } from '$lib/server/catalogue/update-session';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await getSessionOverview(ctx, event.params.sessionId)), created: event.url.searchParams.has('angelegt') }));

export const actions: Actions = {
	status: (event) =>
		runAction(event, {
			access: 'org.manage', sendsMail: true,
			form: sessionStatusForm,
			run: (ctx, { status }) => setSessionStatus(ctx, event.params.sessionId, status).then(() => ({ done: 'status' }))
		}),
	// The session form and the form to register someone show their problems at themselves.
	update: (event) =>
		runAction(event, {
			access: 'org.manage', sendsMail: true,
			form: (form) => withSchemaProblems(readSessionForm(form), sessionInputSchema),
			run: (ctx, input) => updateSession(ctx, event.params.sessionId, input).then(() => ({ done: 'saved' })),
			failure: { sessionForm: true }
		}),
	register: (event) =>
		runAction(event, {
			access: 'org.manage', sendsMail: true,
			form: readRegistrationForm,
			run: async (ctx, { person }) => ({ done: 'registered', name: person.name.trim(), status: (await registerPerson(ctx, event.params.sessionId, person)).status }),
			failure: { registerForm: true }
		}),
	cancelRegistration: (event) =>
		runAction(event, {
			access: 'org.manage', sendsMail: true,
			form: registrationIdForm,
			run: (ctx, { registrationId }) => cancelByOrganiser(ctx, registrationId).then(() => ({ done: 'cancelled' }))
		}),
	move: (event) =>
		runAction(event, {
			access: 'org.manage', sendsMail: true,
			form: moveRegistrationForm,
			run: (ctx, { registrationId, targetSessionId }) => moveRegistration(ctx, registrationId, targetSessionId).then(() => ({ done: 'moved' }))
		}),
	erase: (event) =>
		runAction(event, { access: 'org.manage', sendsMail: true, form: eraseRegistrationForm, run: (ctx, { registrationId }) => eraseRegistration(ctx, registrationId).then(() => ({ done: 'erased' })) })
};
