import { LIMITS } from '../../domain/glossary/entry';
import type { TenantContext } from '../tenant';
import { AppError } from '../errors';
import { parseRound } from '../results/parse-round';
import { getOpenAnswerReview } from '../results/get-open-answer-review';

export interface AnswerReference {
	study: string | null;
	round: string | null;
	answer: string | null;
}

/**
 * A new glossary entry started from an open answer: the answer as the example and where it came
 * from as the source. Only an answer the organiser may read in the review (its group large
 * enough) can be taken; anything else is refused as unknown.
 */
export async function entryPrefillFromAnswer(ctx: TenantContext, reference: AnswerReference): Promise<Record<string, string> | null> {
	if (!reference.answer) return null;
	if (!reference.study) throw new AppError('not_found', 'Diese Antwort gibt es nicht (mehr).');
	const review = await getOpenAnswerReview(ctx, reference.study, parseRound(reference.round));
	// Delphi reasons are listed in the review beside the open questions, with the same link.
	for (const [kind, questions] of [['Offene Antwort', review.questions], ['Begründung', review.reasons]] as const)
		for (const question of questions)
			for (const group of question.groups) {
				if (!group.eligible) continue;
				const text = group.texts.find((t) => t.id === reference.answer);
				if (text) return { example: clipped(text.text, LIMITS.example), sources: clipped(`${kind} (${group.label}), „${review.studyTitle}“, Runde ${review.round}`, LIMITS.listItem) };
			}
	throw new AppError('not_found', 'Diese Antwort gibt es nicht (mehr).');
}

const clipped = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
