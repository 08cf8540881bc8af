import { randomUUID } from 'node:crypto';
import { openParticipation } from './open-participation';
import { itemsOf, pageCountOf, type Ctx } from './questionnaire-form';

/** The review page: every answer, the open answers, what is still unanswered, and a fresh idempotency key (a double click counts once). */
export async function questionnaireReview(ctx: Ctx, token: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft } = participation;
	const total = pages.reduce((n, page) => n + itemsOf(page).length, 0);
	const answered = Object.keys(draft.answers).length;
	return {
		title: study.title,
		pages,
		pageCount: pageCountOf(participation),
		horizons: study.horizons,
		answers: draft.answers,
		answered,
		unanswered: total - answered,
		total,
		openQuestions: study.openQuestions,
		open: draft.open,
		idempotencyKey: randomUUID()
	};
}
