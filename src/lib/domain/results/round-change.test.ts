import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_GROUPS, isSuppressedCell } from '../anonymity/cells';
import { changeVisibility, roundChange, type ChangeCell, type TransitionCount } from './round-change';
import { protectedRound, type CounterCell } from './round-table';

const item = { competence: 'A1.1', measure: 'importance', horizon: 'heute' };

/** One person: the answer in round 1 and in round 2 (0 = don't know, undefined = did not take part). */
interface Person {
	group: string;
	r1?: number;
	r2?: number;
}

function study(groups: string[], people: Person[], minGroupSize: number) {
	const round = (number: 1 | 2) => {
		const takingPart = people.filter((p) => (number === 1 ? p.r1 : p.r2) !== undefined);
		const counters: CounterCell[] = groups.map((group) => {
			const values = takingPart.filter((p) => p.group === group).map((p) => (number === 1 ? p.r1 : p.r2)!);
			return { ...item, group, counts: [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length), dontKnow: values.filter((x) => x === 0).length };
		});
		return protectedRound({
			round: number,
			groups,
			items: [item],
			counters,
			participation: new Map(groups.map((g) => [g, takingPart.filter((p) => p.group === g).length])),
			minGroupSize,
			quantileType: 7
		});
	};
	const transitions: TransitionCount[] = people
		.filter((p) => p.r1 !== undefined && p.r2 !== undefined)
		.map((p) => ({ ...item, group: p.group, previous: p.r1!, current: p.r2!, count: 1 }));
	const previous = round(1);
	const current = round(2);
	const [change] = roundChange({ previous, current, groups, items: [item], transitions, minGroupSize });
	return { previous, current, change };
}

const repeat = (count: number, person: Person): Person[] => Array.from({ length: count }, () => ({ ...person }));
const cellOf = (cells: ChangeCell[], group: string) => cells.find((c) => c.group === group)!;

describe('round-to-round change', () => {
	// k = 3. Round 1: A 5, B 6, C 2, D 7 → C below k, A its complement. Round 2: C has a late joiner (3).
	const people: Person[] = [
		...repeat(3, { group: 'a', r1: 4, r2: 4 }),
		...repeat(2, { group: 'a', r1: 3, r2: 4 }),
		{ group: 'b', r1: 3, r2: 3 },
		{ group: 'b', r1: 3, r2: 4 },
		{ group: 'b', r1: 4, r2: 4 },
		{ group: 'b', r1: 2, r2: 3 },
		{ group: 'b', r1: 5, r2: 4 },
		{ group: 'b', r1: 0, r2: 3 },
		{ group: 'c', r1: 1, r2: 2 },
		{ group: 'c', r1: 2, r2: 2 },
		{ group: 'c', r2: 3 },
		...repeat(4, { group: 'd', r1: 5, r2: 5 }),
		...repeat(3, { group: 'd', r1: 4, r2: 5 })
	];
	const { previous, change } = study(['a', 'b', 'c', 'd'], people, 3);

	it('gives a visible group its share of changes, CV before and after, and the Wilcoxon test (hand calculation)', () => {
		const b = cellOf(change.cells, 'b');
		if (b.suppressed) throw new Error('b must be visible');
		// Changed: 3→4, 2→3, 5→4, dk→3 = 4 of 6 pairs.
		expect(b.pairs).toBe(6);
		expect(b.changedShare).toBeCloseTo(4 / 6, 14);
		// Round 1 ratings 2,3,3,4,5: mean 3.4, Σ(x − x̄)² = 5.2, sd = √1.3 → CV √1.3/3.4 = 0.33534…
		// Round 2 ratings 3,3,3,4,4,4: mean 3.5, Σ(x − x̄)² = 1.5, sd = √0.3 → CV √0.3/3.5 = 0.15649…
		expect(b.cvPrevious).toBeCloseTo(0.3353457132644524, 12);
		expect(b.cvCurrent).toBeCloseTo(0.15649215928719032, 12);
		expect(b.cvChange).toBeCloseTo(0.15649215928719032 - 0.3353457132644524, 12);
		// Differences of rating pairs: 0, +1, 0, +1, −1 → n = 3, all |d| = 1 share rank 2: W+ = 4.
		// Ties → normal: E = 3, Var = 3·4·7/24 − (3³ − 3)/48 = 3, z = (4 − 3 − 0.5)/√3; p = erfc(z/√2) = 0.7728299926844475
		expect(b.wilcoxon).toMatchObject({ statistic: 4, n: 3, method: 'normal' });
		expect(b.wilcoxon?.pValue).toBeCloseTo(0.7728299926844475, 10);
	});

	it('hides the group below k in round 1 and its complement, but shows all groups together', () => {
		expect(isSuppressedCell(previous.rating(item, 'c'))).toBe(true);
		expect(isSuppressedCell(previous.rating(item, 'a'))).toBe(true);
		expect(cellOf(change.cells, 'c')).toEqual({ group: 'c', suppressed: true });
		expect(cellOf(change.cells, 'a')).toEqual({ group: 'a', suppressed: true });
		expect(cellOf(change.cells, 'd').suppressed).toBe(false);
		const all = cellOf(change.cells, ALL_GROUPS);
		if (all.suppressed) throw new Error('all must be visible: the hidden groups a + c have 7 pairs');
		// 5 + 6 + 2 + 7 = 20 pairs; changed 2 + 4 + 1 + 3 = 10.
		expect(all.pairs).toBe(20);
		expect(all.changedShare).toBe(0.5);
	});

	it('hides a complement when a single group has too few pairs, so all − others reveals nothing', () => {
		// All visible in both rounds (k = 3), but d has 2 returning people and 5 late joiners.
		const { change: c } = study(
			['a', 'b', 'd'],
			[
				...repeat(5, { group: 'a', r1: 3, r2: 4 }),
				...repeat(6, { group: 'b', r1: 2, r2: 2 }),
				...repeat(2, { group: 'd', r1: 5, r2: 1 }),
				...repeat(5, { group: 'd', r1: 4 }),
				...repeat(5, { group: 'd', r2: 4 })
			],
			3
		);
		expect(cellOf(c.cells, 'd').suppressed).toBe(true);
		// a (5 pairs) has fewer pairs than b (6), so a is the complement.
		expect(cellOf(c.cells, 'a').suppressed).toBe(true);
		expect(cellOf(c.cells, 'b')).toMatchObject({ suppressed: false, pairs: 6, changedShare: 0 });
		expect(cellOf(c.cells, ALL_GROUPS)).toMatchObject({ suppressed: false, pairs: 13 });
	});

	it('hides "all" when the only hidden group with pairs cannot be covered', () => {
		const visibility = changeVisibility({
			groups: ['a', 'b'],
			pairs: new Map([['a', 5], ['b', 0]]),
			visibleInBoth: new Set(['b']),
			allVisibleInBoth: true,
			minGroupSize: 3
		});
		expect(visibility).toEqual({ groups: new Set(), all: false });
	});

	it('never shows figures for a group hidden in either round or with fewer than k pairs, nor a recoverable remainder (property)', () => {
		const groupNames = ['a', 'b', 'c', 'd'];
		const answer = fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
		const person = fc.record({ group: fc.constantFrom(...groupNames), r1: answer, r2: answer });
		fc.assert(
			fc.property(fc.array(person, { maxLength: 60 }), fc.integer({ min: 3, max: 5 }), fc.integer({ min: 2, max: 4 }), (raw, k, groupCount) => {
				const groups = groupNames.slice(0, groupCount);
				const people = raw.filter((p) => groups.includes(p.group));
				const { previous: r1, current: r2, change: result } = study(groups, people, k);
				const pairs = (group: string) => people.filter((p) => p.group === group && p.r1 !== undefined && p.r2 !== undefined).length;
				for (const group of groups) {
					const cell = cellOf(result.cells, group);
					const hiddenSomewhere = isSuppressedCell(r1.rating(item, group)) || isSuppressedCell(r2.rating(item, group)) || isSuppressedCell(r1.participation(group)) || isSuppressedCell(r2.participation(group));
					if (hiddenSomewhere || pairs(group) < k) expect(cell).toEqual({ group, suppressed: true });
					if (!cell.suppressed) expect(cell.pairs).toBe(pairs(group));
				}
				const all = cellOf(result.cells, ALL_GROUPS);
				if (!all.suppressed) {
					expect(all.pairs).toBeGreaterThanOrEqual(k);
					const hiddenWithPairs = groups.filter((g) => cellOf(result.cells, g).suppressed && pairs(g) > 0);
					const remainder = hiddenWithPairs.reduce((sum, g) => sum + pairs(g), 0);
					expect(hiddenWithPairs.length === 0 || (hiddenWithPairs.length >= 2 && remainder >= k)).toBe(true);
					expect(isSuppressedCell(r1.rating(item, ALL_GROUPS)) || isSuppressedCell(r2.rating(item, ALL_GROUPS))).toBe(false);
				}
				for (const cell of result.cells) if (cell.suppressed) expect(Object.keys(cell).sort()).toEqual(['group', 'suppressed']);
			}),
			{ numRuns: 400 }
		);
	});
});
