import { formAction, loadPage } from '$lib/server/http/adapter';
import { wholeForm } from '$lib/server/http/forms';
import { reviewOrThank } from '$lib/server/identity/review-or-thank';
import { questionnaireReview } from '$lib/server/studies/get-questionnaire-review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnaireReview(ctx, event.params.token));

// The last page's answers (shown: the review) or the submission (redirect to the receipt, in the asking organisation's identity).
export const actions: Actions = {
	default: formAction('public', wholeForm, (ctx, form, { params }) => reviewOrThank(ctx, params.token, form), {
		redirect: (thanks) => thanks ?? ''
	})
};
