import type { StudyResults } from './study-results';

/** What an API client may ask for: one horizon, one group (or `all`), or both. */
export interface ResultsSelection {
	horizon?: string;
	group?: string;
}

/**
 * The part of a round's results one horizon or one group needs — the figures themselves unchanged
 * (they already went through the suppression; selecting leaves out, it never recomputes). With a
 * horizon: its items and the self-assessment (which has no horizon), its gaps, disagreements,
 * concordance and change; the trends across horizons stay. With a group: that group's cells only,
 * and the disagreements it is part of.
 */
export function selectResults(results: StudyResults, selection: ResultsSelection): StudyResults {
	const { horizon, group } = selection;
	const inHorizon = (entry: { horizon: string | null }) => horizon === undefined || entry.horizon === null || entry.horizon === horizon;
	const ofGroup = <T extends { group: string }>(cells: readonly T[]) => (group === undefined ? [...cells] : cells.filter((cell) => cell.group === group));
	const selected: StudyResults = {
		...results,
		items: results.items.filter(inHorizon).map((item) => ({ ...item, cells: ofGroup(item.cells) })),
		gaps: results.gaps.filter((gap) => horizon === undefined || gap.horizon === horizon),
		disagreement: results.disagreement.filter((d) => inHorizon(d) && (group === undefined || d.higherGroup === group || d.lowerGroup === group)),
		concordance: results.concordance.filter((c) => horizon === undefined || c.horizon === horizon)
	};
	if (results.change) selected.change = results.change.filter(inHorizon).map((item) => ({ ...item, cells: ofGroup(item.cells) }));
	return selected;
}
