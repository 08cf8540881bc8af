import type { ShownOpenAnswers } from '../../domain/anonymity/free-text';
import type { StudyResults } from '../../domain/results/study-results';

/** The JSON text of results kept by resultsOfStudy, written once per kept object (~275 KB for 40 competences). */
const written = new WeakMap<StudyResults, string>();

/** The results API's document: the results' fields, then `openAnswers` (which change as organisers release them). */
export function resultsJson(results: StudyResults, openAnswers: readonly ShownOpenAnswers[]): string {
	let text = written.get(results);
	if (text === undefined) {
		text = JSON.stringify(results);
		if (Object.isFrozen(results)) written.set(results, text);
	}
	return `${text.slice(0, -1)},"openAnswers":${JSON.stringify(openAnswers)}}`;
}
