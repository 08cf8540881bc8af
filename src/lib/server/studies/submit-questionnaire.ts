import { itemOfReasonKey } from '../../domain/study/delphi-reasons';
import { AppError } from '../errors';
import { openParticipation } from './open-participation';
import { submitAnswers } from './submit-answers';
import type { Ctx } from './questionnaire-form';

/**
 * Submits the saved draft; returns the receipt code. The open answers come from their page (saved
 * in the draft); open fields sent along with the submission (older forms) are taken too.
 */
export async function submitQuestionnaire(ctx: Ctx, token: string, input: { idempotencyKey: string; emptyConfirmed?: boolean; open: Record<string, string> }): Promise<string> {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress, { forSubmission: true });
	const typed = { ...participation.draft.open, ...input.open };
	const open = Object.fromEntries(participation.study.openQuestions.map((q) => [q.key, (typed[q.key] ?? '').slice(0, 2000)]));
	// Delphi reasons typed on the pages (domain/study/delphi-reasons.ts); submitAnswers checks and stores them apart.
	const reasons = Object.fromEntries(Object.entries(typed).filter(([key]) => itemOfReasonKey(key) !== null));
	// An empty questionnaire is sent only on purpose (it was accepted without a word).
	const nothingAnswered = Object.keys(participation.draft.answers).length === 0 && Object.values(open).every((text) => text.trim() === '');
	if (nothingAnswered && !input.emptyConfirmed) {
		throw new AppError('validation_failed', 'Sie haben keine Frage beantwortet – trotzdem absenden? Dann kreuzen Sie „Ja, ohne Antworten absenden“ an.', [
			{ path: 'leerAbsenden', message: 'Bitte bestätigen Sie, dass Sie ohne Antworten absenden möchten, oder beantworten Sie zuerst Fragen.' }
		]);
	}
	const answers = Object.entries(participation.draft.answers).map(([itemKey, value]) => {
		const [competence, measure, horizon] = itemKey.split('|');
		return { competence, measure, horizon: horizon || null, value };
	});
	return (await submitAnswers(ctx.db, participation, input.idempotencyKey, { answers, open: { ...open, ...reasons } })).receipt;
}
