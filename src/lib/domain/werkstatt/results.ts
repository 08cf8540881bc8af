import { consensusOfCounts, groupInformedConsensus, type ConsensusScore } from './consensus';
import { NOT_SAID, visibleGroupCounts } from './protect-groups';
import { opinionGroups, type OpinionGroupOptions, type OpinionGroupsReason, type ParticipantPosition } from './opinion-groups';
import { representativeStatements } from './representative';
import { tallyByGroup, type VoteCounts } from './tally';
import { sortedUnique, type Vote } from './vote-matrix';

export interface ResultsInput {
	/** The statements shown to participants (not hidden, not awaiting moderation), in board order. */
	readonly statements: readonly { readonly id: string; readonly text: string }[];
	readonly votes: readonly Vote[];
	/** Declared stakeholder group per participant; leave out those who chose not to say. */
	readonly declaredGroupOf: ReadonlyMap<string, string>;
	/** Everyone who joined (also those who have not voted yet); defaults to those who voted. */
	readonly participants?: readonly string[];
	/** The organisation's minimum group size: smaller groups are counted in the totals but not described. */
	readonly minGroupSize: number;
	readonly options?: OpinionGroupOptions;
}

export interface StatementResult {
	readonly id: string;
	readonly text: string;
	readonly agree: number;
	readonly disagree: number;
	readonly pass: number;
	/** Per declared group, as far as the one suppression function lets it be shown (protect-groups.ts). */
	readonly byGroup: Readonly<Record<string, VoteCounts>>;
}

export interface OpinionGroupResult {
	readonly id: number;
	readonly size: number;
	/** false when the group is smaller than minGroupSize: it is drawn on the map but not described. */
	readonly described: boolean;
	/** Statement ids, best first (empty when not described or when there is only one group). */
	readonly representative: readonly string[];
}

export interface WerkstattResults {
	readonly statements: readonly StatementResult[];
	readonly opinionGroups: readonly OpinionGroupResult[];
	/** Over the opinion groups, best first; with fewer than two groups over everyone who voted as one group. */
	readonly consensus: readonly ConsensusScore[];
	/** Over the declared stakeholder groups shown for each statement, best first. */
	readonly declaredConsensus: readonly ConsensusScore[];
	/** For the map "Wie verteilen sich die Gruppen?": anonymous positions with their opinion group. */
	readonly map: {
		readonly reason: OpinionGroupsReason;
		readonly k: number;
		readonly silhouette: number | null;
		readonly participants: readonly ParticipantPosition[];
	};
}

/**
 * Everything the results page, the projector and GET …/results show, from the votes alone: counts
 * per statement (overall and per declared group), the opinion groups with their representative
 * statements, and group-informed consensus over opinion groups and declared groups.
 */
export function werkstattResults(input: ResultsInput): WerkstattResults {
	const visible = input.statements.map((s) => s.id);
	const groups = opinionGroups(input.votes, visible, input.options);

	const everyone = new Map(sortedUnique([...(input.participants ?? []), ...input.votes.map((v) => v.participant)]).map((participant) => [participant, 0]));
	const declared = new Map([...everyone.keys()].map((participant) => [participant, input.declaredGroupOf.get(participant) ?? NOT_SAID]));
	const declaredSizes = new Map<string, number>();
	for (const group of declared.values()) declaredSizes.set(group, (declaredSizes.get(group) ?? 0) + 1);
	const declaredTally = tallyByGroup(input.votes, declared, visible);
	const countsByGroup = new Map([...declaredTally.counts].map(([statement, row]) => [statement, new Map(declaredTally.groups.map((group, i) => [String(group), row[i]]))]));
	const shown = visibleGroupCounts(declaredSizes, countsByGroup, input.minGroupSize);
	const overall = tallyByGroup(input.votes, everyone, visible);

	const statements = input.statements.map(({ id, text }) => {
		const total = overall.counts.get(id)?.[0] ?? { agree: 0, disagree: 0, pass: 0 };
		return { id, text, ...total, byGroup: shown.get(id) ?? {} };
	});

	const opinionGrouping = new Map(groups.participants.map((p) => [p.participant, p.group]));
	const representative = groups.k > 1 ? representativeStatements(input.votes, opinionGrouping, visible) : [];
	const opinionGroupResults = groups.groups.map((group) => {
		const described = group.size >= input.minGroupSize;
		const statementsOfGroup = representative.find((r) => r.group === group.id)?.statements ?? [];
		return { id: group.id, size: group.size, described, representative: described ? statementsOfGroup.map((s) => s.statement) : [] };
	});

	return {
		statements,
		opinionGroups: opinionGroupResults,
		consensus: groupInformedConsensus(input.votes, groups.k > 1 ? opinionGrouping : everyone, visible),
		declaredConsensus: consensusOfCounts(new Map([...shown].map(([statement, groups]) => [statement, Object.values(groups)]))),
		map: { reason: groups.reason, k: groups.k, silhouette: groups.silhouette, participants: groups.participants }
	};
}
