import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { openParticipation } from './open-participation';
import { submitAnswers, type Submission } from './submit-answers';

type Ctx = Pick<RequestContext, 'db' | 'clientAddress'>;

/** POST /api/v1/participate/{token}: a whole questionnaire at once, counted once per Idempotency-Key. */
export async function submitQuestionnaireDocument(ctx: Ctx, token: string, idempotencyKey: string | null, submission: Submission): Promise<string> {
	if (!idempotencyKey) {
		throw new AppError('bad_request', 'Der Header „Idempotency-Key“ fehlt. Erzeugen Sie für jeden neuen Fragebogen einen zufälligen Schlüssel und senden Sie ihn bei Wiederholungen erneut.');
	}
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress, { forSubmission: true, withoutDraft: true });
	return (await submitAnswers(ctx.db, participation, idempotencyKey, submission)).receipt;
}
