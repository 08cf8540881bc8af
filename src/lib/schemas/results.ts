import { z } from 'zod';

/** A round of a study in a query, 1–3 (absent: the latest closed one). */
export const roundQuery = z.coerce.number({ message: 'Eine ganze Zahl von 1 bis 3.' }).int('Eine ganze Zahl von 1 bis 3.').min(1, 'Eine ganze Zahl von 1 bis 3.').max(3, 'Eine ganze Zahl von 1 bis 3.').optional();

const selectionKey = (what: string) => z.string().trim().min(1, `Bitte geben Sie ${what} an oder lassen Sie den Parameter weg.`).max(100, `${what} ist zu lang.`).optional();

/** ?round=&horizon=&group= of the results API: a round of the study, 1–3 (default: the latest closed one), optionally one horizon or group. */
export const resultsQuery = z.object({ round: roundQuery, horizon: selectionKey('einen Zeithorizont'), group: selectionKey('eine Gruppe') });

const roundField = z.string({ message: 'Bitte wählen Sie eine Runde.' }).trim().regex(/^\d{1,2}$/, 'Bitte wählen Sie eine Runde.').transform(Number);

/** Releasing or withdrawing an open question's answers. */
export const openAnswerReleaseForm = z.object({
	round: roundField,
	question: z.string({ message: 'Bitte wählen Sie eine offene Frage.' }).max(200, 'Diese offene Frage gibt es in der Analyse nicht.')
});

/** Hiding or showing one free-text answer. */
export const openAnswerHideForm = z.object({ round: roundField, answerId: z.string({ message: 'Diese Antwort gibt es nicht.' }).max(100, 'Diese Antwort gibt es nicht.') });

/** ?with=<earlier study>&round=&withRound= of the comparison API (rounds default to the latest closed ones). */
export const comparisonQuery = z.object({
	with: z.uuid({ error: (issue) => (issue.input === undefined ? 'Bitte geben Sie mit „with“ die frühere Analyse an, mit der verglichen werden soll.' : '„with“ muss die ID einer Analyse sein.') }),
	round: roundQuery,
	withRound: roundQuery
});
