import { loadPage, runAction } from '$lib/server/http/adapter';
import { wholeForm } from '$lib/server/http/forms';
import { questionnairePage, saveQuestionnairePage } from '$lib/server/studies/questionnaire';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => ({
		...(await questionnairePage(ctx, event.params.token, event.params.n)),
		/** Sent back because a new answer is far from the group's median and no reason field was on the page yet. */
		reasonAsked: event.url.searchParams.has('begruendung')
	}));

export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'public', form: wholeForm, run: (ctx, form) => saveQuestionnairePage(ctx, event.params.token, event.params.n, form), redirect: (next) => next })
};
