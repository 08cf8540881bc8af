import { stepPath } from '../../domain/study/questionnaire-steps';
import { openParticipationOnce } from './open-participation';
import { pageCountOf, pageIndex, postedFrom, savePage, type Ctx } from './questionnaire-form';

/**
 * Saves a page's answers posted to page `n` (the draft save is idempotent: a reload sends the same
 * answers again and changes nothing). A form posted to the page it leads to gets that page as the
 * answer (null: no redirect). A form posted to its own page — page 1's "Zurück", or a page still
 * open from before — is redirected as before: back, next or the review.
 */
export async function saveQuestionnairePage(ctx: Ctx, token: string, n: string, form: FormData): Promise<string | null> {
	const participation = await openParticipationOnce(ctx, token);
	const pageCount = pageCountOf(participation);
	const here = pageIndex(n, pageCount);
	const from = postedFrom(form, here, pageCount);
	await savePage(ctx, participation, from, form);
	if (from !== here) return null;
	const base = `/t/${token}`;
	return stepPath(base, form.get('go') === 'back' ? here - 1 : here + 1, pageCount);
}
