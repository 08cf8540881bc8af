import { describe, expect, it } from 'vitest';
import { groupInformedConsensus } from './consensus';
import { tallyByGroup } from './tally';
import type { Vote, VoteValue } from './vote-matrix';

const v = (participant: string, statement: string, vote: VoteValue): Vote => ({ participant, statement, vote });

// Group A: a1, a2, a3; group B: b1, b2. "x" belongs to no group.
const grouping = new Map<string, string>([
	['a1', 'A'],
	['a2', 'A'],
	['a3', 'A'],
	['b1', 'B'],
	['b2', 'B']
]);
const votes: Vote[] = [
	// s1: A agree, agree, pass → (2+1)/(3+2) = 0.6; B agree, disagree → (1+1)/(2+2) = 0.5; 0.3
	v('a1', 's1', 1),
	v('a2', 's1', 1),
	v('a3', 's1', 0),
	v('b1', 's1', 1),
	v('b2', 's1', -1),
	// s2: everyone agrees → A 4/5, B 3/4; 0.6. x's disagreement does not count.
	...['a1', 'a2', 'a3', 'b1', 'b2'].map((p) => v(p, 's2', 1)),
	v('x', 's2', -1),
	// s4: one disagreement in A → A 1/3, B (unseen) 1/2; 1/6
	v('a1', 's4', -1),
	// not listed: ignored
	v('a1', 'hidden', 1)
];

describe('groupInformedConsensus', () => {
	it('multiplies (agree + 1) / (votes + 2) over the groups, best first, equal scores by statement id', () => {
		const result = groupInformedConsensus(votes, grouping, ['s5', 's4', 's3', 's2', 's1', 's0']);
		expect(result.map((r) => r.statement)).toEqual(['s2', 's1', 's0', 's3', 's5', 's4']);
		const score = Object.fromEntries(result.map((r) => [r.statement, r.score]));
		expect(score.s2).toBeCloseTo(0.6, 12);
		expect(score.s1).toBeCloseTo(0.3, 12);
		expect(score.s0).toBeCloseTo(0.25, 12);
		expect(score.s4).toBeCloseTo(1 / 6, 12);
	});

	it('ranks a statement one group rejects below one all groups accept, however large the accepting group', () => {
		const big = new Map<string, number>([...Array.from({ length: 20 }, (_, i) => [`g${i}`, 0] as [string, number]), ['h1', 1], ['h2', 1]]);
		const split = [...Array.from({ length: 20 }, (_, i) => v(`g${i}`, 'split', 1)), v('h1', 'split', -1), v('h2', 'split', -1)];
		const shared = [...Array.from({ length: 10 }, (_, i) => v(`g${i}`, 'shared', 1)), v('h1', 'shared', 1), v('h2', 'shared', 1)];
		expect(groupInformedConsensus([...split, ...shared], big, ['split', 'shared']).map((r) => r.statement)).toEqual(['shared', 'split']);
	});

	it('works the same over numbered opinion groups and gives nothing without groups', () => {
		const numbered = new Map([...grouping].map(([p, g]) => [p, g === 'A' ? 0 : 1]));
		expect(groupInformedConsensus(votes, numbered, ['s1', 's2'])).toEqual(groupInformedConsensus(votes, grouping, ['s1', 's2']));
		expect(groupInformedConsensus(votes, new Map(), ['s1'])).toEqual([]);
	});
});

describe('tallyByGroup', () => {
	it('counts agree, disagree and pass per statement and group, groups sorted', () => {
		const tally = tallyByGroup(votes, grouping, ['s1', 's3']);
		expect(tally.groups).toEqual(['A', 'B']);
		expect(tally.counts.get('s1')).toEqual([
			{ agree: 2, disagree: 0, pass: 1 },
			{ agree: 1, disagree: 1, pass: 0 }
		]);
		expect(tally.counts.get('s3')).toEqual([
			{ agree: 0, disagree: 0, pass: 0 },
			{ agree: 0, disagree: 0, pass: 0 }
		]);
		expect(tally.counts.has('s2')).toBe(false);
	});
});
