import { sessionInputSchema } from '$lib/schemas/catalogue';
import { readPhotoForm, readSessionForm, withSchemaProblems } from '$lib/server/catalogue/forms';
import { getModuleOverview } from '$lib/server/catalogue/get-module-overview';
import { setFacilitatorPhoto } from '$lib/server/catalogue/photos';
import { setModuleStatus } from '$lib/server/catalogue/set-module-status';
import { createSession } from '$lib/server/catalogue/create-session';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await getModuleOverview(ctx, event.params.id)), saved: event.url.searchParams.has('gespeichert') }));

const status = (target: 'draft' | 'published' | 'archived') =>
	((event) =>
		runAction(event, {
			access: 'org.manage',
			run: (ctx) => setModuleStatus(ctx, event.params.id, target).then(() => ({ statusChanged: target }))
		})) satisfies Actions[string];

export const actions: Actions = {
	publish: status('published'),
	unpublish: status('draft'),
	archive: status('archived'),
	photo: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: readPhotoForm,
			run: (ctx, { facilitatorId, photo }) => setFacilitatorPhoto(ctx, facilitatorId, photo).then(() => ({ photoSaved: true }))
		}),
	createSession: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: (form) => withSchemaProblems(readSessionForm(form), sessionInputSchema),
			run: (ctx, input) => createSession(ctx, event.params.id, input),
			redirect: (created) => `/app/katalog/termin/${created.id}?angelegt=1`,
			failure: { sessionForm: true }
		})
};
