import { describe, expect, it } from 'vitest';
import { buildVoteMatrix, type Vote, type VoteValue } from './vote-matrix';

const votesOf = (participant: string, values: Record<string, VoteValue>): Vote[] =>
	Object.entries(values).map(([statement, vote]) => ({ participant, statement, vote }));

const eight = Array.from({ length: 8 }, (_, i) => `s${i}`);
const allOf = (participant: string, vote: VoteValue, statements = eight) => statements.map((statement) => ({ participant, statement, vote }));

describe('buildVoteMatrix', () => {
	it('keeps participants with at least 7 votes and drops those with fewer', () => {
		const votes = [...allOf('anna', 1), ...allOf('bert', -1).slice(0, 7), ...allOf('carl', 0).slice(0, 6)];
		const matrix = buildVoteMatrix(votes, eight);
		expect(matrix.participants).toEqual(['anna', 'bert']);
	});

	it('with fewer than 7 statements keeps exactly those who voted on all of them', () => {
		const three = ['a', 'b', 'c'];
		const votes = [...votesOf('anna', { a: 1, b: 1, c: 0 }), ...votesOf('bert', { a: -1, b: 1 }), ...votesOf('carl', { a: 1, b: -1, c: -1 })];
		const matrix = buildVoteMatrix(votes, three);
		expect(matrix.participants).toEqual(['anna', 'carl']);
		expect([...matrix.values]).toEqual([1, 1, 0, 1, -1, -1]);
	});

	it('ignores votes on statements that are not visible (hidden or moderated out)', () => {
		const votes = [...allOf('anna', 1).slice(0, 6), { participant: 'anna', statement: 'hidden', vote: 1 as const }];
		expect(buildVoteMatrix(votes, eight).participants).toEqual([]);
		expect(buildVoteMatrix(votes, [...eight, 'hidden']).participants).toEqual(['anna']);
	});

	it('writes agree +1, disagree −1, pass 0 and fills unseen cells with the statement mean of those who saw it', () => {
		const statements = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
		const base = (participant: string, vote: VoteValue) => statements.slice(1).map((statement) => ({ participant, statement, vote }));
		// Statement a: anna agrees, bert disagrees, carl passes, dora agrees, emil has not seen it.
		const votes = [
			...base('anna', 1),
			...base('bert', 1),
			...base('carl', 1),
			...base('dora', 1),
			...base('emil', 1),
			...votesOf('anna', { a: 1 }),
			...votesOf('bert', { a: -1 }),
			...votesOf('carl', { a: 0 }),
			...votesOf('dora', { a: 1 })
		];
		const matrix = buildVoteMatrix(votes, statements);
		const column = (id: string) => matrix.participants.map((_, r) => matrix.values[r * statements.length + statements.indexOf(id)]);
		expect(matrix.participants).toEqual(['anna', 'bert', 'carl', 'dora', 'emil']);
		expect(column('a')).toEqual([1, -1, 0, 1, 0.25]);
		expect(matrix.seen[4 * statements.length]).toBe(0);
		expect(matrix.seen[0]).toBe(1);
	});

	it('sorts rows and columns by id, so the order of the votes does not matter', () => {
		const votes = [...allOf('zoe', 1), ...allOf('adam', -1), { participant: 'adam', statement: 's9', vote: 0 as const }];
		const statements = [...eight, 's9'].reverse();
		const one = buildVoteMatrix(votes, statements);
		const other = buildVoteMatrix([...votes].reverse(), [...statements].reverse());
		expect(one.participants).toEqual(['adam', 'zoe']);
		expect(one.statements).toEqual([...eight, 's9']);
		expect(other).toEqual(one);
	});

	it('refuses a vote value other than 1, −1 or 0 and a second vote on the same statement', () => {
		expect(() => buildVoteMatrix([{ participant: 'a', statement: 's0', vote: 2 as VoteValue }], eight)).toThrow(RangeError);
		expect(() => buildVoteMatrix([...allOf('anna', 1), { participant: 'anna', statement: 's0', vote: -1 }], eight)).toThrow(/twice/);
	});

	it('gives an empty matrix without statements or votes', () => {
		expect(buildVoteMatrix([], []).participants).toEqual([]);
		expect(buildVoteMatrix(allOf('anna', 1), []).participants).toEqual([]);
	});
});
