import { describe, expect, it } from 'vitest';
import { representativeStatements, Z_90 } from './representative';
import type { Vote, VoteValue } from './vote-matrix';

const v = (participant: string, statement: string, vote: VoteValue): Vote => ({ participant, statement, vote });
const members = (prefix: string) => ['1', '2', '3', '4'].map((n) => `${prefix}${n}`);
const grouping = new Map([...members('a').map((p) => [p, 0] as const), ...members('b').map((p) => [p, 1] as const)]);

describe('representativeStatements', () => {
	it('computes share, ratio and both z by hand for a statement that splits two groups', () => {
		// s1: group 0 all agree, group 1 all disagree. s2: everyone agrees.
		const votes = [...members('a').map((p) => v(p, 's1', 1)), ...members('b').map((p) => v(p, 's1', -1)), ...[...grouping.keys()].map((p) => v(p, 's2', 1))];
		const [zero, one] = representativeStatements(votes, grouping, ['s1', 's2']);
		expect(zero.group).toBe(0);
		expect(zero.statements).toHaveLength(1);
		const [rep] = zero.statements;
		expect(rep).toMatchObject({ statement: 's1', repfulFor: 'agree', inGroup: 4, votes: 4, significant: true });
		expect(rep.share).toBeCloseTo(5 / 6, 12); // (4 + 1) / (4 + 2)
		expect(rep.ratio).toBeCloseTo(5, 12); // (5/6) / ((0 + 1) / (4 + 2))
		// Two-proportion z with every count + 1: (5/5 − 1/5) / √(0.6 · 0.4 · (1/5 + 1/5))
		expect(rep.ratioZ).toBeCloseTo(0.8 / Math.sqrt(0.6 * 0.4 * 0.4), 12);
		// 2 · √5 · (5/5 − ½)
		expect(rep.shareZ).toBeCloseTo(Math.sqrt(5), 12);
		expect(one.statements.map((s) => [s.statement, s.repfulFor])).toEqual([['s1', 'disagree']]);
	});

	it('falls back to one statement, marked not significant, when nothing sets a group apart', () => {
		const votes = [...grouping.keys()].flatMap((p) => [v(p, 's1', 1), v(p, 's2', 0)]);
		const result = representativeStatements(votes, grouping, ['s1', 's2']);
		for (const group of result) {
			expect(group.statements).toHaveLength(1);
			expect(group.statements[0]).toMatchObject({ statement: 's1', repfulFor: 'agree', significant: false });
		}
	});

	it('keeps at most 5, best first, agreements before disagreements, and ignores unvoted statements', () => {
		const statements = Array.from({ length: 8 }, (_, i) => `s${i}`);
		// Larger groups, so that each split is significant; s0…s5 group 0 agrees, s6, s7 group 0 disagrees.
		const big = new Map([...Array.from({ length: 12 }, (_, i) => [`a${i}`, 0] as const), ...Array.from({ length: 12 }, (_, i) => [`b${i}`, 1] as const)]);
		const votes: Vote[] = [];
		statements.forEach((statement, s) => {
			const groupZero: VoteValue = s < 6 ? 1 : -1;
			// Fewer votes on later statements: weaker evidence, lower rank.
			const voters = 12 - s;
			for (let i = 0; i < voters; i++) {
				votes.push(v(`a${i}`, statement, groupZero));
				votes.push(v(`b${i}`, statement, groupZero === 1 ? -1 : 1));
			}
		});
		const [zero] = representativeStatements(votes, big, [...statements, 'unvoted']);
		expect(zero.statements).toHaveLength(5);
		expect(zero.statements.every((s) => s.significant && s.ratioZ > Z_90 && s.shareZ > Z_90)).toBe(true);
		expect(zero.statements.map((s) => s.repfulFor)).toEqual(['agree', 'agree', 'agree', 'agree', 'agree']);
		expect(zero.statements.map((s) => s.statement)).toEqual(['s0', 's1', 's2', 's3', 's4']);
		const mixed = representativeStatements(
			votes.filter((vote) => !['s1', 's2', 's3', 's4'].includes(vote.statement)),
			big,
			statements
		)[0];
		expect(mixed.statements.map((s) => [s.statement, s.repfulFor])).toEqual([
			['s0', 'agree'],
			['s5', 'agree'],
			['s6', 'disagree'],
			['s7', 'disagree']
		]);
	});

	it('gives a group with no votes at all an empty list', () => {
		const lonely = new Map([...grouping, ['c1', 2] as const]);
		const votes = [...grouping.keys()].map((p) => v(p, 's1', 1));
		expect(representativeStatements(votes, lonely, ['s1']).find((g) => g.group === 2)?.statements).toEqual([]);
	});
});
