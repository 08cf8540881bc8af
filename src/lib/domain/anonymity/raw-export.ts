import type { StudyResults } from '../results/study-results';

/**
 * Raw answers may leave only when every group of the round is visible with n ≥ k (a group nobody
 * answered for contributes no row and does not block). Decided from the protected participation
 * figures, so it cannot disagree with what the dashboard shows.
 */
export function rawExportAllowed(results: StudyResults): boolean {
	return (
		results.participants !== null &&
		results.participants >= results.minGroupSize &&
		results.groups.every((g) => !g.suppressed && g.n !== null && (g.n === 0 || g.n >= results.minGroupSize))
	);
}
