import { tallyByGroup, votesCounted, type Grouping, type VoteCounts } from './tally';
import { byId, type Vote } from './vote-matrix';

export interface ConsensusScore {
	readonly statement: string;
	/** Product over the groups of (agree + 1) / (votes + 2); between 0 and 1, higher = more agreement in every group. */
	readonly score: number;
}

/**
 * Group-informed consensus as Pol.is ranks it: for each group the smoothed share of agreement
 * (agree + 1) / (votes + 2), passes counting as votes, multiplied over all groups of the grouping —
 * so a statement ranks high only when every group agrees, and a group that has not voted on it
 * contributes ½. Without any group the list is empty. Best first; equal scores by statement id. The same function serves the declared
 * stakeholder groups and the opinion groups; participants outside the grouping are left out.
 */
export function groupInformedConsensus(votes: readonly Vote[], grouping: Grouping, statements: readonly string[]): ConsensusScore[] {
	const { groups: names, counts } = tallyByGroup(votes, grouping, statements);
	if (names.length === 0) return [];
	return consensusOfCounts(counts);
}

/** The same ranking from counts per statement and group (e.g. only the groups that may be shown); a statement without groups is left out. */
export function consensusOfCounts(counts: ReadonlyMap<string, readonly VoteCounts[]>): ConsensusScore[] {
	const scores = [...counts]
		.filter(([, groups]) => groups.length > 0)
		.map(([statement, groups]) => ({
			statement,
			score: groups.reduce((product, group) => product * ((group.agree + 1) / (votesCounted(group) + 2)), 1)
		}));
	return scores.sort((a, b) => b.score - a.score || byId(a.statement, b.statement));
}
