import { checkInForm } from '$lib/schemas/catalogue';
import { checkInRegistration } from '$lib/server/catalogue/check-in-registration';
import { getCheckIn } from '$lib/server/catalogue/get-check-in';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getCheckIn(ctx, event.params.registrationId));

export const actions: Actions = {
	// Opening the link shows the person; the button marks them present (a GET never changes data).
	default: formAction('sessions.facilitate', checkInForm, (ctx, _input, { params }) => checkInRegistration(ctx, params.registrationId))
};
