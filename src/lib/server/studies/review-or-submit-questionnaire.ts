import { questionnaireSubmission } from '../../schemas/studies';
import { openParticipation } from './open-participation';
import { pageCountOf, postedFrom, savePage, type Ctx } from './questionnaire-form';
import { submitQuestionnaire } from './submit-questionnaire';

/**
 * A form posted to the review: the last page's answers (the review is shown with them), or the
 * submission from the review itself (returns the receipt code).
 */
export async function reviewOrSubmit(ctx: Ctx, token: string, form: FormData): Promise<string | null> {
	if (form.has('seite')) {
		const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
		const pageCount = pageCountOf(participation);
		await savePage(ctx, participation, postedFrom(form, pageCount, pageCount), form);
		return null;
	}
	const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	return submitQuestionnaire(ctx, token, questionnaireSubmission.parse(fields));
}
