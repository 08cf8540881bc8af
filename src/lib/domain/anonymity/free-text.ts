import { cellId, type SuppressionReason } from './cells';
import { findSuppressedCells, validMinimumGroupSize, type SuppressionOptions } from './suppression';

/** Comments can give their author away by wording, so they need a larger group than figures. */
export const FREE_TEXT_MINIMUM_GROUP_SIZE = 8;

export interface GroupRespondents {
	/** A stakeholder group, or ALL_GROUPS for the pooled list of all comments. */
	readonly group: string;
	/** People of the group who took part in the round (any of them may have written a comment). */
	readonly respondents: number;
}

/**
 * Groups (and ALL_GROUPS) whose free-text answers must not be listed, with the reason. A group's
 * comments are shown only when it has at least max(k, 8) respondents. Comment lists subtract
 * like counts — the pooled list minus the lists of the shown groups is the list of the withheld
 * ones — so the same complementary rule as for figures applies, with max(k, 8) as threshold.
 */
export function findSuppressedFreeText(
	respondents: readonly GroupRespondents[],
	options: SuppressionOptions = {}
): ReadonlyMap<string, SuppressionReason> {
	const threshold = Math.max(validMinimumGroupSize(options.minimumGroupSize), FREE_TEXT_MINIMUM_GROUP_SIZE);
	const cells = respondents.map(({ group, respondents: n }) => ({
		key: { kind: 'participation' as const, round: 0, group },
		n,
		figures: null
	}));
	const suppressedCells = findSuppressedCells(cells, { minimumGroupSize: threshold });
	const suppressedGroups = new Map<string, SuppressionReason>();
	for (const cell of cells) {
		const reason = suppressedCells.get(cellId(cell.key));
		if (reason !== undefined) suppressedGroups.set(cell.key.group, reason);
	}
	return suppressedGroups;
}
