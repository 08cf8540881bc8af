import { byId, sortedUnique, type Vote } from './vote-matrix';

export interface VoteCounts {
	agree: number;
	disagree: number;
	pass: number;
}

/** Any way of putting participants into groups: declared stakeholder groups or opinion groups. */
export type Grouping = ReadonlyMap<string, string | number>;

export interface GroupTally {
	/** The groups, sorted (numbers ascending, then texts by code unit). */
	readonly groups: readonly (string | number)[];
	/** statement → one VoteCounts per group, in the order of `groups`. */
	readonly counts: ReadonlyMap<string, readonly VoteCounts[]>;
}

const byGroup = (a: string | number, b: string | number) =>
	typeof a === 'number' && typeof b === 'number' ? a - b : typeof a === 'number' ? -1 : typeof b === 'number' ? 1 : byId(a, b);

export const votesCounted = (counts: VoteCounts) => counts.agree + counts.disagree + counts.pass;

/**
 * Agree / disagree / pass per statement and group. Every group of the grouping takes part, also
 * one without votes on a statement; votes of participants outside the grouping and votes on
 * statements not listed are left out.
 */
export function tallyByGroup(votes: readonly Vote[], grouping: Grouping, statements: readonly string[]): GroupTally {
	const groups = [...new Set(grouping.values())].sort(byGroup);
	const index = new Map(groups.map((group, i) => [group, i]));
	const counts = new Map(sortedUnique(statements).map((statement) => [statement, groups.map(() => ({ agree: 0, disagree: 0, pass: 0 }))]));
	for (const vote of votes) {
		const group = grouping.get(vote.participant);
		const row = counts.get(vote.statement);
		if (group === undefined || row === undefined) continue;
		const cell = row[index.get(group)!];
		if (vote.vote === 1) cell.agree += 1;
		else if (vote.vote === -1) cell.disagree += 1;
		else cell.pass += 1;
	}
	return { groups, counts };
}
