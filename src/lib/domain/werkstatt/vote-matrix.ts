/** Agree +1, disagree −1, pass 0 — the values Pol.is uses in its exports. */
export type VoteValue = 1 | -1 | 0;

/** One participant's vote on one statement. */
export interface Vote {
	readonly participant: string;
	readonly statement: string;
	readonly vote: VoteValue;
}

/** Pol.is clusters only participants who have voted on at least this many statements. */
export const MIN_VOTES = 7;

/**
 * The participants × statements matrix the opinion groups are computed from. Rows and columns are
 * sorted by id (plain code-unit order), so the same votes in any order give the same matrix.
 */
export interface VoteMatrix {
	readonly participants: readonly string[];
	readonly statements: readonly string[];
	/** Row-major, participants.length × statements.length; unseen cells hold the statement's mean. */
	readonly values: Float64Array;
	/** 1 where the participant voted (agree, disagree or pass), 0 where the cell is imputed. */
	readonly seen: Uint8Array;
}

export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedUnique(ids: Iterable<string>): string[] {
	return [...new Set(ids)].sort(byId);
}

function checkVote(vote: Vote): void {
	if (vote.vote !== 1 && vote.vote !== -1 && vote.vote !== 0) throw new RangeError(`a vote is 1, -1 or 0, got ${String(vote.vote)}`);
}

/**
 * The participants kept for the opinion groups: those with at least 7 votes on visible statements
 * — or, when there are fewer than 7 statements, those who voted on all of them. Votes on statements
 * not listed as visible are ignored. A participant voting twice on one statement is a caller error
 * (the database allows one vote per statement and participant).
 */
export function buildVoteMatrix(votes: readonly Vote[], visibleStatements: readonly string[], minVotes = MIN_VOTES): VoteMatrix {
	const statements = sortedUnique(visibleStatements);
	const column = new Map(statements.map((id, index) => [id, index]));
	const required = Math.min(minVotes, statements.length);
	// One pass over the votes with the string lookups; the second works on these arrays only.
	const voter = new Map<string, number>();
	const voterOf = new Int32Array(votes.length);
	const columnOf = new Int32Array(votes.length).fill(-1);
	const counted: number[] = [];
	// Votes usually come ordered by participant: the previous voter's index saves most lookups.
	let previous: string | null = null;
	let index = -1;
	for (let v = 0; v < votes.length; v++) {
		const vote = votes[v];
		checkVote(vote);
		const c = column.get(vote.statement);
		if (c === undefined) continue;
		if (vote.participant !== previous) {
			previous = vote.participant;
			const known = voter.get(previous);
			if (known === undefined) {
				index = counted.length;
				voter.set(previous, index);
				counted.push(0);
			} else index = known;
		}
		counted[index] += 1;
		voterOf[v] = index;
		columnOf[v] = c;
	}
	const participants = required === 0 ? [] : [...voter].filter(([, index]) => counted[index] >= required).map(([id]) => id).sort(byId);
	const rowOf = new Int32Array(counted.length).fill(-1);
	participants.forEach((id, row) => (rowOf[voter.get(id)!] = row));
	const width = statements.length;
	const values = new Float64Array(participants.length * width);
	const seen = new Uint8Array(participants.length * width);
	const sums = new Float64Array(width);
	const counts = new Uint32Array(width);
	for (let v = 0; v < votes.length; v++) {
		const c = columnOf[v];
		if (c < 0) continue;
		const r = rowOf[voterOf[v]];
		if (r < 0) continue;
		const cell = r * width + c;
		if (seen[cell]) throw new RangeError(`participant ${votes[v].participant} voted twice on statement ${votes[v].statement}`);
		seen[cell] = 1;
		values[cell] = votes[v].vote;
		sums[c] += votes[v].vote;
		counts[c] += 1;
	}
	const means = new Float64Array(width);
	for (let c = 0; c < width; c++) means[c] = counts[c] ? sums[c] / counts[c] : 0;
	for (let r = 0, cell = 0; r < participants.length; r++) for (let c = 0; c < width; c++, cell++) if (!seen[cell]) values[cell] = means[c];
	return { participants, statements, values, seen };
}
