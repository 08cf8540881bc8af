import { loadPage, runAction } from '$lib/server/http/adapter';
import { createStudy } from '$lib/server/studies/create-study';
import { newStudyForm, readStudySettings } from '$lib/server/studies/study-form';
import { statementReference } from '$lib/server/werkstatt/get-statement-for-reuse';
import type { Actions, PageServerLoad } from './$types';

/** `?werkstatt=…&beitrag=…` (a link on the Werkstatt board) starts the study with that item as an open question. */
export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => newStudyForm(ctx, event.url.searchParams.get('rahmen'), statementReference(event.url)));

export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'org.manage', form: readStudySettings, run: (ctx, settings) => createStudy(ctx, settings), redirect: ({ id }) => `/app/analysen/${id}?hinweis=created` })
};
