import { loadPage, runAction } from '$lib/server/http/adapter';
import { updateStudy } from '$lib/server/studies/update-study';
import { readStudySettings, readStudyTexts, studyEditing } from '$lib/server/studies/study-form';
import { statementReference } from '$lib/server/werkstatt/get-statement-for-reuse';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => studyEditing(ctx, event.params.id, event.url.searchParams.get('rahmen'), statementReference(event.url)));

const saved = (id: string) => `/app/analysen/${id}?hinweis=saved`;

export const actions: Actions = {
	settings: (event) =>
		runAction(event, { access: 'org.manage', form: readStudySettings, run: (ctx, settings) => updateStudy(ctx, event.params.id, { settings }), redirect: () => saved(event.params.id) }),
	texts: (event) =>
		runAction(event, { access: 'org.manage', form: readStudyTexts, run: (ctx, texts) => updateStudy(ctx, event.params.id, { texts }), redirect: () => saved(event.params.id) })
};
