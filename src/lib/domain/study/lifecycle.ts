/** Where a study is in its life: drafted, open for answers, closed (results), published to the public. */
export type StudyStatus = 'draft' | 'open' | 'closed' | 'published';

/**
 * Rounds whose results may be shown: closed ones only. A round still open would change between two
 * looks, and the difference of two snapshots is exactly the latest answers.
 */
export function closedRounds(study: { status: StudyStatus; currentRound: number }): number[] {
	const last = study.status === 'closed' || study.status === 'published' ? study.currentRound : study.currentRound - 1;
	return Array.from({ length: Math.max(0, last) }, (_, i) => i + 1);
}
