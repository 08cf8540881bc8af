import { loadPage, runAction } from '$lib/server/http/adapter';
import { createStudy } from '$lib/server/studies/create-study';
import { defaultValues, frameworkChoice, readStudySettings } from '$lib/server/studies/study-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'org.manage', async (ctx) => {
		const choice = await frameworkChoice(ctx, event.url.searchParams.get('rahmen'));
		return { ...choice, initial: defaultValues(choice.framework.id, choice.framework.areas, choice.framework.kind) };
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'org.manage', form: readStudySettings, run: (ctx, settings) => createStudy(ctx, settings), redirect: ({ id }) => `/app/analysen/${id}?hinweis=created` })
};
