import { formAction, loadPage } from '$lib/server/http/adapter';
import { wholeForm } from '$lib/server/http/forms';
import { questionnaireReview } from '$lib/server/studies/get-questionnaire-review';
import { reviewOrSubmit } from '$lib/server/studies/review-or-submit-questionnaire';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnaireReview(ctx, event.params.token));

// The last page's answers (shown: the review) or the submission (redirect to the receipt).
export const actions: Actions = {
	default: formAction('public', wholeForm, (ctx, form, { params }) => reviewOrSubmit(ctx, params.token, form), {
		redirect: (receipt) => (receipt ? `/t/danke?beleg=${encodeURIComponent(receipt)}` : '')
	})
};
