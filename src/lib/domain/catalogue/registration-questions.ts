/*
 * A module's own registration questions (what pretix calls "questions"): e.g. „Essenswünsche“ as
 * a short text, „Fachbereich“ as one choice from a list. The organiser sets up to
 * MAX_REGISTRATION_QUESTIONS per module; the registration form asks them; the answers are kept with
 * the registration (by question id) and erased with its other personal data.
 */

export const MAX_REGISTRATION_QUESTIONS = 5;
export const MAX_QUESTION_OPTIONS = 12;
export const MAX_ANSWER_LENGTH = 500;
export const QUESTION_KINDS = ['text', 'choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * One question. `id` stays when the organiser edits the wording, so earlier answers keep their
 * question; a removed question's answers are no longer shown.
 */
export interface RegistrationQuestion {
	id: string;
	label: string;
	kind: QuestionKind;
	required: boolean;
	/** The choices of a `choice` question, in their order (empty for `text`). */
	options: string[];
}

export interface AnswerProblem {
	questionId: string;
	message: string;
}

/**
 * The answers to keep for `questions` from what was sent (`raw`, by question id): trimmed, empty
 * ones left out, unknown ids ignored. A required question left empty (unless `requireAnswers` is
 * false — an organiser registering someone by phone may not know), a choice that is not one of
 * the options, or a text over MAX_ANSWER_LENGTH is a problem in plain German.
 */
export function readAnswers(questions: readonly RegistrationQuestion[], raw: Record<string, unknown>, requireAnswers = true): { answers: Record<string, string>; problems: AnswerProblem[] } {
	const answers: Record<string, string> = {};
	const problems: AnswerProblem[] = [];
	for (const question of questions) {
		const given = raw[question.id];
		const value = typeof given === 'string' ? given.trim() : '';
		if (given !== undefined && given !== null && typeof given !== 'string') {
			problems.push({ questionId: question.id, message: `„${question.label}“: Hier wird ein Text erwartet.` });
			continue;
		}
		if (!value) {
			if (question.required && requireAnswers) {
				problems.push({ questionId: question.id, message: question.kind === 'choice' ? `Bitte wählen Sie bei „${question.label}“ eine Antwort.` : `Bitte beantworten Sie „${question.label}“.` });
			}
			continue;
		}
		if (question.kind === 'choice' && !question.options.includes(value)) {
			problems.push({ questionId: question.id, message: `Bitte wählen Sie bei „${question.label}“ eine der Antworten: ${question.options.join(', ')}.` });
			continue;
		}
		if (value.length > MAX_ANSWER_LENGTH) {
			problems.push({ questionId: question.id, message: `Die Antwort auf „${question.label}“ darf höchstens ${MAX_ANSWER_LENGTH} Zeichen lang sein.` });
			continue;
		}
		answers[question.id] = value;
	}
	return { answers, problems };
}

/** The answers in the order of the questions, as (question, answer) pairs; questions without an answer give ''. */
export function answerColumns(questions: readonly RegistrationQuestion[], answers: Record<string, string> | null | undefined): { label: string; answer: string }[] {
	return questions.map((q) => ({ label: q.label, answer: answers?.[q.id] ?? '' }));
}

/**
 * The questions as saved: an edited question keeps its id (only ids the module had before are
 * kept, so nobody can borrow another module's), a new one gets `newId()`.
 */
export function settleQuestionIds<Q extends Omit<RegistrationQuestion, 'id'> & { id?: string }>(previous: readonly RegistrationQuestion[], incoming: readonly Q[], newId: () => string): RegistrationQuestion[] {
	const known = new Set(previous.map((q) => q.id));
	const used = new Set<string>();
	return incoming.map((q) => {
		const id = q.id && known.has(q.id) && !used.has(q.id) ? q.id : newId();
		used.add(id);
		return { id, label: q.label, kind: q.kind, required: q.required, options: q.kind === 'choice' ? q.options : [] };
	});
}
