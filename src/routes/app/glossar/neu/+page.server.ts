import { glossaryEntryFormSchema } from '$lib/schemas/glossary';
import { createGlossaryEntry } from '$lib/server/glossary/create-entry';
import { entryPrefillFromAnswer } from '$lib/server/glossary/prefill-from-answer';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

/** `?analyse=…&runde=…&antwort=…` starts the entry from an open answer (a link in the answers' review). */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'org.manage', async (ctx) => {
		const query = event.url.searchParams;
		return { prefill: await entryPrefillFromAnswer(ctx, { study: query.get('analyse'), round: query.get('runde'), answer: query.get('antwort') }) };
	});

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
