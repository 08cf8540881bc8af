import { describe, expect, it } from 'vitest';
import { agreementWithPlanted, plantedVotes } from '../../../../tests/helpers/werkstatt-votes';
import { werkstattResults } from './results';
import type { Vote } from './vote-matrix';

function room() {
	const planted = plantedVotes({ groups: 3, perGroup: [30, 25, 4], statements: 20, seen: 0.9, noise: 0.05, seed: 17 });
	const participants = [...planted.plantedGroup.keys()];
	// Everyone agrees with one more statement: it must top both consensus lists.
	const votes: Vote[] = [...planted.votes, ...participants.map((participant) => ({ participant, statement: 'common', vote: 1 as const }))];
	const statements = [...planted.statements, 'common'].map((id) => ({ id, text: `Aussage ${id}` }));
	// Declared groups cut across the opinion groups; "politik" has only two members; three said nothing.
	const declaredGroupOf = new Map(participants.slice(3).map((participant, i) => [participant, i < 2 ? 'politik' : i % 2 ? 'verwaltung' : 'zivilgesellschaft']));
	return { planted, votes, statements, declaredGroupOf, participants };
}

describe('werkstattResults', () => {
	it('counts every statement overall and per declared group of at least the minimum size', () => {
		const { votes, statements, declaredGroupOf } = room();
		const results = werkstattResults({ statements, votes, declaredGroupOf, minGroupSize: 5 });
		expect(results.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id));
		for (const statement of results.statements) {
			const on = votes.filter((v) => v.statement === statement.id);
			expect([statement.agree, statement.disagree, statement.pass]).toEqual([on.filter((v) => v.vote === 1).length, on.filter((v) => v.vote === -1).length, on.filter((v) => v.vote === 0).length]);
			expect(Object.keys(statement.byGroup)).toEqual(['verwaltung', 'zivilgesellschaft']);
			const inGroup = on.filter((v) => declaredGroupOf.get(v.participant) === 'verwaltung');
			expect(statement.byGroup.verwaltung.agree).toBe(inGroup.filter((v) => v.vote === 1).length);
		}
	});

	it('finds the opinion groups, describes only those of the minimum size, and ranks shared agreement first', () => {
		const { planted, votes, statements, declaredGroupOf } = room();
		const results = werkstattResults({ statements, votes, declaredGroupOf, minGroupSize: 5 });
		expect(results.map.k).toBe(3);
		const found = new Map(results.map.participants.map((p) => [p.participant, p.group]));
		expect(agreementWithPlanted(found, planted.plantedGroup)).toBeGreaterThanOrEqual(0.95);
		expect(results.opinionGroups.map((g) => [g.size, g.described])).toEqual([
			[30, true],
			[25, true],
			[4, false]
		]);
		expect(results.opinionGroups[0].representative.length).toBeGreaterThan(0);
		expect(results.opinionGroups[1].representative.length).toBeGreaterThan(0);
		expect(results.opinionGroups[2].representative).toEqual([]);
		expect(results.consensus[0].statement).toBe('common');
		expect(results.declaredConsensus[0].statement).toBe('common');
		expect(results.consensus).toHaveLength(statements.length);
	});

	it('with too few voters gives one undescribed map group and consensus over everyone who voted', () => {
		const votes: Vote[] = [
			{ participant: 'a', statement: 's1', vote: 1 },
			{ participant: 'b', statement: 's1', vote: -1 },
			{ participant: 'b', statement: 's2', vote: 1 }
		];
		const results = werkstattResults({ statements: [{ id: 's1', text: 'Eins' }, { id: 's2', text: 'Zwei' }], votes, declaredGroupOf: new Map(), minGroupSize: 5 });
		expect(results.map.reason).toBe('too-few-participants');
		// Only b voted on both statements: b alone is the one group, too small to be described.
		expect(results.opinionGroups).toEqual([{ id: 0, size: 1, described: false, representative: [] }]);
		// s2: (1+1)/(1+2) = 2/3; s1: (1+1)/(2+2) = 1/2
		expect(results.consensus.map((c) => [c.statement, c.score])).toEqual([
			['s2', 2 / 3],
			['s1', 0.5]
		]);
		expect(results.declaredConsensus).toEqual([]);
		expect(results.statements[0]).toEqual({ id: 's1', text: 'Eins', agree: 1, disagree: 1, pass: 0, byGroup: {} });
	});
});
