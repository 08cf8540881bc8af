import { readRegistrationForm } from '$lib/server/catalogue/forms';
import { getSessionPage } from '$lib/server/catalogue/get-session-page';
import { registerForSession } from '$lib/server/catalogue/register-for-session';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', (ctx) => getSessionPage(ctx, event.params.sessionId, { status: event.url.searchParams.get('angemeldet'), position: event.url.searchParams.get('platz') }));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: readRegistrationForm,
			run: (ctx, { person, consent }) => registerForSession(ctx, { sessionId: event.params.sessionId, input: person, consent, source: 'public' }),
			// Without SMTP the registrant's own link is shown in the action's result, in their browser only.
			redirect: (receipt) => {
				if (receipt.ownLink) return '';
				const query = new URLSearchParams({ angemeldet: receipt.status, ...(receipt.position ? { platz: String(receipt.position) } : {}) });
				return `/katalog/termin/${event.params.sessionId}?${query}`;
			}
		})
};
