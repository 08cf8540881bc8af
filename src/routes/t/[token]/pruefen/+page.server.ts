import { questionnaireSubmission } from '$lib/schemas/studies';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { questionnaireReview, submitQuestionnaire } from '$lib/server/studies/questionnaire';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnaireReview(ctx, event.params.token));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: questionnaireSubmission,
			run: (ctx, input) => submitQuestionnaire(ctx, event.params.token, input),
			redirect: (receipt) => `/t/danke?beleg=${encodeURIComponent(receipt)}`
		})
};
