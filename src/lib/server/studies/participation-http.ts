import { clientIp } from '../http/cookies';
import { orPageError } from '../http/guard';
import { getDatabase } from '../db/client';
import { openParticipation, type Participation } from './participate';

/** For the questionnaire pages: the participation, or the friendly error page with the right status. */
export async function participationOrError(event: { params: { token: string }; getClientAddress(): string }, options: { forSubmission?: boolean } = {}): Promise<Participation> {
	return orPageError(openParticipation(getDatabase(), event.params.token, clientIp(event), options));
}

/** Form fields: `a:<item key>` = "1"…"5" or "x" (kann ich nicht einschätzen); `r:<item key>` = a Delphi reason. */
export function readAnswerFields(form: FormData, itemKeys: readonly string[]) {
	const answers: Record<string, 1 | 2 | 3 | 4 | 5 | null> = {};
	const reasons: Record<string, string> = {};
	for (const key of itemKeys) {
		const value = form.get(`a:${key}`);
		if (value === 'x') answers[key] = null;
		else if (typeof value === 'string' && /^[1-5]$/.test(value)) answers[key] = Number(value) as 1 | 2 | 3 | 4 | 5;
		const reason = form.get(`r:${key}`);
		if (typeof reason === 'string' && reason.trim()) reasons[key] = reason.trim().slice(0, 500);
	}
	return { answers, reasons };
}
