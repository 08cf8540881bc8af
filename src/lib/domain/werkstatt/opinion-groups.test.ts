import { describe, expect, it } from 'vitest';
import { agreementWithPlanted, plantedVotes, shuffled } from '../../../../tests/helpers/werkstatt-votes';
import { opinionGroups, opinionGroupsOf, principalComponents } from './opinion-groups';
import { buildVoteMatrix, type Vote } from './vote-matrix';

const groupMap = (result: ReturnType<typeof opinionGroups>) => new Map(result.participants.map((p) => [p.participant, p.group]));

describe('opinionGroups', () => {
	it('finds three planted groups of 30 (opposite patterns, noise, 70 % seen) with k = 3', () => {
		const planted = plantedVotes({ groups: 3, perGroup: 30, statements: 40, seen: 0.7, noise: 0.2, seed: 7 });
		const result = opinionGroups(planted.votes, planted.statements);
		expect(result.reason).toBe('clustered');
		expect(result.k).toBe(3);
		expect(agreementWithPlanted(groupMap(result), planted.plantedGroup)).toBeGreaterThanOrEqual(0.95);
		expect(result.groups.map((g) => g.size).reduce((a, b) => a + b)).toBe(90);
		expect(result.silhouette).toBeGreaterThan(0.5);
	});

	it('finds two planted groups with k = 2 and four with k = 4', () => {
		for (const groups of [2, 4]) {
			const planted = plantedVotes({ groups, perGroup: 25, statements: 30, seen: 0.8, noise: 0.1, seed: 11 + groups });
			const result = opinionGroups(planted.votes, planted.statements);
			expect(result.k).toBe(groups);
			expect(agreementWithPlanted(groupMap(result), planted.plantedGroup)).toBeGreaterThanOrEqual(0.95);
		}
	});

	it('gives identical groups, ids and positions for the same votes in any order', () => {
		const planted = plantedVotes({ groups: 3, perGroup: 20, statements: 25, seen: 0.6, noise: 0.3, seed: 3 });
		const first = opinionGroups(planted.votes, planted.statements);
		for (const seed of [1, 2, 3]) {
			const again = opinionGroups(shuffled(planted.votes, seed), shuffled(planted.statements, seed + 10));
			expect(again).toEqual(first);
		}
	});

	it('numbers groups by size, the largest first, whatever the ids', () => {
		const planted = plantedVotes({ groups: 2, perGroup: 20, statements: 20, seen: 0.9, noise: 0.1, seed: 8 });
		// Planted group 0's ids sort first; with only 6 of its members left it must become group 1.
		const kept = new Set([...planted.plantedGroup].filter(([id, group]) => group === 1 || Number(id.slice(3)) < 6).map(([id]) => id));
		const result = opinionGroups(
			planted.votes.filter((v) => kept.has(v.participant)),
			planted.statements
		);
		expect(result.k).toBe(2);
		expect(result.groups.map((g) => [g.id, g.size])).toEqual([
			[0, 20],
			[1, 6]
		]);
		expect(result.participants.find((p) => p.participant === 'p0-00000')?.group).toBe(1);
	});

	it('keeps everyone in one group when fewer than 4 participants have enough votes', () => {
		const planted = plantedVotes({ groups: 3, perGroup: 1, statements: 10, seen: 1, noise: 0, seed: 2 });
		const result = opinionGroups(planted.votes, planted.statements);
		expect(result.reason).toBe('too-few-participants');
		expect(result.k).toBe(1);
		expect(result.groups).toEqual([{ id: 0, size: 3, members: [...planted.plantedGroup.keys()].sort() }]);
		expect(result.participants.every((p) => p.group === 0 && Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
	});

	it('keeps everyone in one group when everybody voted alike', () => {
		const statements = Array.from({ length: 8 }, (_, i) => `s${i}`);
		const votes = ['a', 'b', 'c', 'd', 'e'].flatMap((participant) => statements.map((statement) => ({ participant, statement, vote: 1 as const })));
		const result = opinionGroups(votes, statements);
		expect(result.reason).toBe('no-structure');
		expect(result.groups).toEqual([{ id: 0, size: 5, members: ['a', 'b', 'c', 'd', 'e'] }]);
	});

	it('says so when nobody has voted', () => {
		const result = opinionGroups([], ['s1']);
		expect(result).toEqual({ reason: 'too-few-participants', k: 1, silhouette: null, participants: [], groups: [] });
	});
});

describe('participants who voted little', () => {
	it('join the group they vote like instead of forming groups of their own near the centre', () => {
		const planted = plantedVotes({ groups: 2, perGroup: 25, statements: 40, seen: 1, noise: 0.1, seed: 31 });
		// Fifteen latecomers per group vote like its first member, each on only 12 of the 40 statements.
		const late: Vote[] = [0, 1].flatMap((g) => {
			const pattern = planted.votes.filter((v) => v.participant === `p${g}-00000`);
			return Array.from({ length: 15 }, (_, i) => pattern.filter((_, s) => (s + i * 3) % 40 < 12).map((v) => ({ ...v, participant: `late${g}-${i}` }))).flat();
		});
		const result = opinionGroups([...planted.votes, ...late], planted.statements);
		const group = groupMap(result);
		expect(result.k).toBe(2);
		for (const g of [0, 1]) {
			const latecomers = Array.from({ length: 15 }, (_, i) => group.get(`late${g}-${i}`));
			expect(new Set(latecomers)).toEqual(new Set([group.get(`p${g}-00000`)]));
		}
	});
});

describe('principalComponents', () => {
	it('finds the direction along which the participants differ, with its largest loading positive', () => {
		// Statement a separates the participants; b is the same for all.
		const votes: Vote[] = ['p1', 'p2', 'p3', 'p4'].flatMap((participant, i) => [
			{ participant, statement: 'a', vote: i < 2 ? 1 : -1 },
			{ participant, statement: 'b', vote: 1 }
		]);
		const matrix = buildVoteMatrix(votes, ['a', 'b']);
		const { components, projections } = principalComponents(matrix);
		expect(components[0][0]).toBeCloseTo(1, 10);
		expect(components[0][1]).toBeCloseTo(0, 10);
		expect([...projections[0]]).toEqual([1, 1, -1, -1]);
		expect([...projections[1]].every((value) => Math.abs(value) < 1e-12)).toBe(true);
	});

	it('does not mirror the map when all votes are flipped', () => {
		const planted = plantedVotes({ groups: 2, perGroup: 15, statements: 12, seen: 1, noise: 0.1, seed: 9 });
		const flipped = planted.votes.map((v) => ({ ...v, vote: (v.vote === 0 ? 0 : -v.vote) as Vote['vote'] }));
		const one = principalComponents(buildVoteMatrix(planted.votes, planted.statements));
		const other = principalComponents(buildVoteMatrix(flipped, planted.statements));
		const largest = (v: Float64Array) => [...v].reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
		expect(largest(one.components[0])).toBeGreaterThan(0);
		expect(largest(other.components[0])).toBeGreaterThan(0);
		// Flipping every vote mirrors the data, so the participants' positions mirror too: sign fixed by the loadings.
		expect(one.projections[0][0]).toBeCloseTo(-other.projections[0][0], 8);
	});
});

describe('opinionGroupsOf', () => {
	it('accepts a prepared matrix and honours the k range', () => {
		const planted = plantedVotes({ groups: 3, perGroup: 20, statements: 20, seen: 0.9, noise: 0.1, seed: 4 });
		const matrix = buildVoteMatrix(planted.votes, planted.statements);
		expect(opinionGroupsOf(matrix, { maxGroups: 2 }).k).toBe(2);
	});
});
