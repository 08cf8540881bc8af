import { checkText, type TextCheck } from '../../domain/language/check';
import type { TextCheckInput } from '../../schemas/language';
import { hitRateLimit } from '../auth/rate-limit';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { orgJargon } from '../glossary/org-jargon';

/**
 * Checks per address (or per signed-in person) and window. Generous: a person editing a text with
 * live checking sends one request a second at most; the limit only stops scripts that would use
 * the instance as a free text service.
 */
export const TEXT_CHECK_LIMIT = 600;
export const TEXT_CHECK_WINDOW_SECONDS = 600;

/** The comprehensibility check of one text for anyone (public API), rate limited; inside an organisation with its agreed glossary. */
export async function checkTextFor(ctx: RequestContext, input: TextCheckInput): Promise<TextCheck> {
	const who = ctx.actor ? `user:${ctx.actor.userId}` : `address:${ctx.clientAddress}`;
	const verdict = await hitRateLimit(ctx.db, `text-check:${who}`, TEXT_CHECK_LIMIT, TEXT_CHECK_WINDOW_SECONDS);
	if (!verdict.allowed)
		throw new AppError('rate_limited', 'Zu viele Prüfungen in kurzer Zeit. Bitte warten Sie ein paar Minuten.', [], verdict.retryAfterSeconds);
	return checkText(input.text, { rules: input.rules, glossary: await orgJargon(ctx) });
}

/** The API's representation: scores, counts, findings as documented, plus bands and summary. */
export function textCheckRepresentation(check: TextCheck) {
	return {
		scores: check.scores,
		bands: Object.fromEntries(Object.entries(check.bands).map(([key, band]) => [key, band?.label ?? null])),
		counts: check.counts,
		findings: check.findings,
		summary: check.summary.map(({ type, count, title, message, first }) => ({ type, count, title, message, start: first.start, end: first.end }))
	};
}
