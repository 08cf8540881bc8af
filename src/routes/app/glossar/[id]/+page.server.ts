import { glossaryEntryFormSchema } from '$lib/schemas/glossary';
import { deleteGlossaryEntry } from '$lib/server/glossary/delete-entry';
import { getGlossaryEntry } from '$lib/server/glossary/get-entry';
import { updateGlossaryEntry } from '$lib/server/glossary/update-entry';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', async (ctx) => ({ entry: await getGlossaryEntry(ctx, event.params.id) }));

export const actions: Actions = {
	save: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: glossaryEntryFormSchema,
			arrays: ['agreedBy'],
			run: (ctx, input) => updateGlossaryEntry(ctx, event.params.id, input),
			redirect: (entry) => `/app/glossar?gespeichert=${encodeURIComponent(entry.slug)}#${entry.slug}`
		}),
	delete: (event) =>
		runAction(event, {
			access: 'org.manage',
			run: (ctx) => deleteGlossaryEntry(ctx, event.params.id),
			redirect: (done) => `/app/glossar?geloescht=${encodeURIComponent(done.deleted)}`
		})
};
