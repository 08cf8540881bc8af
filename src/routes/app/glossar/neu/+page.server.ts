import { glossaryEntryFormSchema } from '$lib/schemas/glossary';
import { createGlossaryEntry } from '$lib/server/glossary/create-entry';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', () => ({}));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: glossaryEntryFormSchema,
			arrays: ['agreedBy'],
			run: (ctx, input) => createGlossaryEntry(ctx, input),
			redirect: (entry) => `/app/glossar?gespeichert=${encodeURIComponent(entry.slug)}#${entry.slug}`
		})
};
