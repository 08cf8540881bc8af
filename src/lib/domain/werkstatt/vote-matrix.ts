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
	const counted = new Map<string, number>();
	for (const vote of votes) {
		checkVote(vote);
		if (column.has(vote.statement)) counted.set(vote.participant, (counted.get(vote.participant) ?? 0) + 1);
	}
	const participants = required === 0 ? [] : [...counted].filter(([, count]) => count >= required).map(([id]) => id).sort(byId);
	const row = new Map(participants.map((id, index) => [id, index]));
	const width = statements.length;
	const values = new Float64Array(participants.length * width);
	const seen = new Uint8Array(participants.length * width);
	const sums = new Float64Array(width);
	const counts = new Uint32Array(width);
	for (const vote of votes) {
		const r = row.get(vote.participant);
		const c = column.get(vote.statement);
		if (r === undefined || c === undefined) continue;
		const cell = r * width + c;
		if (seen[cell]) throw new RangeError(`participant ${vote.participant} voted twice on statement ${vote.statement}`);
		seen[cell] = 1;
		values[cell] = vote.vote;
		sums[c] += vote.vote;
		counts[c] += 1;
	}
	for (let c = 0; c < width; c++) {
		const mean = counts[c] ? sums[c] / counts[c] : 0;
		if (counts[c] === participants.length) continue;
		for (let r = 0; r < participants.length; r++) if (!seen[r * width + c]) values[r * width + c] = mean;
	}
	return { participants, statements, values, seen };
}
