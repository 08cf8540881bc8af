import { loadPage, runAction } from '$lib/server/http/adapter';
import { wholeForm } from '$lib/server/http/forms';
import { questionnairePage } from '$lib/server/studies/get-questionnaire-page';
import { saveQuestionnairePage } from '$lib/server/studies/save-questionnaire-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnairePage(ctx, event.params.token, event.params.n));

// A page's answers are posted to the page they lead to, which answers with itself (no redirect); see saveQuestionnairePage.
export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'public', form: wholeForm, run: (ctx, form) => saveQuestionnairePage(ctx, event.params.token, event.params.n, form), redirect: (next) => next ?? '' })
};
