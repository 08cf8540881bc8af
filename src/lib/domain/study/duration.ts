/**
 * How long the questionnaire takes, told to participants before they start. Assumptions: about
 * 6 seconds per rating (one click on a five-point scale, after reading the competence once) and
 * about a minute per open question; rounded up to whole minutes, at least 2.
 */
export const SECONDS_PER_RATING = 6;
export const SECONDS_PER_OPEN_QUESTION = 60;

export function estimatedMinutes(ratings: number, openQuestions: number): number {
	const seconds = ratings * SECONDS_PER_RATING + openQuestions * SECONDS_PER_OPEN_QUESTION;
	return Math.max(2, Math.ceil(seconds / 60));
}
