import { ALL_GROUPS, cellId, type ResultCell } from '../anonymity/cells';
import { findSuppressedCells } from '../anonymity/suppression';
import { votesCounted, type VoteCounts } from './tally';

/** The group of participants who chose „möchte ich nicht sagen“: counted for protection, never shown. */
export const NOT_SAID = 'ohne-angabe';

/**
 * The vote counts per declared group that may be shown, through the one suppression function of
 * the studies (domain/anonymity/suppression.ts): a Werkstatt is a result table with one
 * participation row (participants per group) and one row per statement (voters per group), whose
 * totals the whole room sees. So no group below k is shown, on a statement no group with fewer
 * than k voters, and never exactly what the totals minus the shown groups would give away; a
 * group too small to be shown at all is hidden on every statement. Participants who said nothing
 * form a group of their own here and are never shown.
 */
export function visibleGroupCounts(
	participantsPerGroup: ReadonlyMap<string, number>,
	counts: ReadonlyMap<string, ReadonlyMap<string, VoteCounts>>,
	minGroupSize: number
): Map<string, Record<string, VoteCounts>> {
	const groups = [...participantsPerGroup.keys()].sort();
	const cells: ResultCell<VoteCounts | null>[] = [];
	const total = (values: number[]) => values.reduce((sum, n) => sum + n, 0);
	const participation = (group: string) => ({ kind: 'participation' as const, round: 1, group });
	const rating = (statement: string, group: string) => ({ kind: 'rating' as const, round: 1, competence: statement, measure: 'vote', horizon: null, group });
	for (const group of groups) cells.push({ key: participation(group), n: participantsPerGroup.get(group)!, figures: null });
	cells.push({ key: participation(ALL_GROUPS), n: total(groups.map((g) => participantsPerGroup.get(g)!)), figures: null });
	const zero: VoteCounts = { agree: 0, disagree: 0, pass: 0 };
	for (const [statement, byGroup] of counts) {
		const voters = groups.map((group) => votesCounted(byGroup.get(group) ?? zero));
		groups.forEach((group, i) => cells.push({ key: rating(statement, group), n: voters[i], figures: byGroup.get(group) ?? zero }));
		cells.push({ key: rating(statement, ALL_GROUPS), n: total(voters), figures: null });
	}
	const suppressed = findSuppressedCells(cells, { minimumGroupSize: minGroupSize });
	const shown = new Map<string, Record<string, VoteCounts>>();
	for (const [statement, byGroup] of counts) {
		const visible: Record<string, VoteCounts> = {};
		for (const group of groups) if (group !== NOT_SAID && !suppressed.has(cellId(rating(statement, group)))) visible[group] = byGroup.get(group) ?? zero;
		shown.set(statement, visible);
	}
	return shown;
}
