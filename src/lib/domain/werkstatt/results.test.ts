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
	it('counts every statement overall, and per declared group only what gives nobody away', () => {
		const { votes, statements, declaredGroupOf, participants } = room();
		const results = werkstattResults({ statements, votes, declaredGroupOf, participants, minGroupSize: 5 });
		expect(results.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id));
		let shownGroups = 0;
		for (const statement of results.statements) {
			const on = votes.filter((v) => v.statement === statement.id);
			expect([statement.agree, statement.disagree, statement.pass]).toEqual([on.filter((v) => v.vote === 1).length, on.filter((v) => v.vote === -1).length, on.filter((v) => v.vote === 0).length]);
			// "politik" has two members and the three who said nothing are never shown.
			expect(Object.keys(statement.byGroup).every((group) => group === 'verwaltung' || group === 'zivilgesellschaft')).toBe(true);
			for (const [group, counts] of Object.entries(statement.byGroup)) {
				const inGroup = on.filter((v) => declaredGroupOf.get(v.participant) === group);
				expect(counts).toEqual({ agree: inGroup.filter((v) => v.vote === 1).length, disagree: inGroup.filter((v) => v.vote === -1).length, pass: inGroup.filter((v) => v.vote === 0).length });
				expect(inGroup.length).toBeGreaterThanOrEqual(5);
				shownGroups += 1;
			}
			// What the room's totals minus the groups shown leave: nobody, or at least five voters.
			const rest = on.length - Object.values(statement.byGroup).reduce((sum, c) => sum + c.agree + c.disagree + c.pass, 0);
			expect(rest === 0 || rest >= 5, `${statement.id}: ${rest} voters left over`).toBe(true);
		}
		expect(shownGroups).toBeGreaterThan(0);
	});

	it('hides a second group when one small group would otherwise be the difference to the total', () => {
		// Verwaltung 6, Politik 2, Zivilgesellschaft 7, everyone says yes to s1: Politik's two would be total − the others.
		const members = [...Array.from({ length: 6 }, (_, i) => [`v${i}`, 'verwaltung']), ['p0', 'politik'], ['p1', 'politik'], ...Array.from({ length: 7 }, (_, i) => [`z${i}`, 'zivilgesellschaft'])] as [string, string][];
		const votes: Vote[] = members.map(([participant]) => ({ participant, statement: 's1', vote: 1 }));
		const results = werkstattResults({ statements: [{ id: 's1', text: 'Eins' }], votes, declaredGroupOf: new Map(members), minGroupSize: 5 });
		// Politik is below 5; the smallest other group (Verwaltung, 6) is hidden with it, everywhere.
		expect(results.statements[0].byGroup).toEqual({ zivilgesellschaft: { agree: 7, disagree: 0, pass: 0 } });
		expect(results.declaredConsensus).toEqual([{ statement: 's1', score: 8 / 9 }]);
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
