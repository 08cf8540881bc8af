import { glossaryEntryFormSchema } from '$lib/schemas/glossary';
import { createGlossaryEntry } from '$lib/server/glossary/create-entry';
import { entryPrefillFromAnswer } from '$lib/server/glossary/prefill-from-answer';
import { entryPrefillFromStatement } from '$lib/server/glossary/prefill-from-statement';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { statementReference } from '$lib/server/werkstatt/get-statement-for-reuse';
import type { Actions, PageServerLoad } from './$types';

/**
 * `?analyse=…&runde=…&antwort=…` starts the entry from an open answer (a link in the answers' review),
 * `?werkstatt=…&beitrag=…` from a Werkstatt question or statement (a link on the board).
 */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'org.manage', async (ctx) => {
		const query = event.url.searchParams;
		const fromAnswer = await entryPrefillFromAnswer(ctx, { study: query.get('analyse'), round: query.get('runde'), answer: query.get('antwort') });
		const fromWerkstatt = fromAnswer ? null : await entryPrefillFromStatement(ctx, statementReference(event.url));
		return { prefill: fromAnswer ?? fromWerkstatt, prefillFrom: fromAnswer ? ('answer' as const) : fromWerkstatt ? ('werkstatt' as const) : null };
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
