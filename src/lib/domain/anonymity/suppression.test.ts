import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ALL_GROUPS,
	cellId,
	isSuppressedCell,
	rowId,
	type CellKey,
	type ResultCell,
	type SuppressionReason,
	type VisibleCell
} from './cells';
import {
	DEFAULT_MINIMUM_GROUP_SIZE,
	findSuppressedCells,
	protectResultTable,
	stripSuppressedFigures,
	validMinimumGroupSize
} from './suppression';

interface Figures {
	readonly mean: number;
}

function ratingRow(round: number, competence: string, sizes: Record<string, number>): VisibleCell<Figures>[] {
	return Object.entries(sizes).map(([group, n]) => ({
		key: { kind: 'rating', round, competence, measure: 'importance', horizon: '2030', group },
		n,
		figures: { mean: 3 }
	}));
}

function participationRow(round: number, sizes: Record<string, number>): VisibleCell<Figures>[] {
	return Object.entries(sizes).map(([group, n]) => ({ key: { kind: 'participation', round, group }, n, figures: { mean: 0 } }));
}

/** group → reason for the suppressed cells of one row, keyed by group for readable expectations. */
function reasonsByGroup(
	suppressed: ReadonlyMap<string, SuppressionReason>,
	row: readonly VisibleCell<Figures>[]
): Record<string, SuppressionReason> {
	return Object.fromEntries(
		row.flatMap((cell) => {
			const reason = suppressed.get(cellId(cell.key));
			return reason === undefined ? [] : [[cell.key.group, reason]];
		})
	);
}

describe('validMinimumGroupSize', () => {
	it('defaults to 5 and accepts integers from 3', () => {
		expect(validMinimumGroupSize()).toBe(DEFAULT_MINIMUM_GROUP_SIZE);
		expect(DEFAULT_MINIMUM_GROUP_SIZE).toBe(5);
		expect(validMinimumGroupSize(3)).toBe(3);
	});

	it.each([2, 0, -5, 4.5, Number.NaN])('rejects k = %d with a clear message', (k) => {
		expect(() => validMinimumGroupSize(k)).toThrow(/integer ≥ 3/);
		expect(() => findSuppressedCells([], { minimumGroupSize: k })).toThrow(RangeError);
	});
});

describe('findSuppressedCells within a row', () => {
	it('hides a small group and the next-smallest group so that total − visible groups reveals nothing', () => {
		const row = ratingRow(1, 'c', { a: 2, b: 7, c: 9, [ALL_GROUPS]: 18 });
		// a alone hidden: 18 − 7 − 9 = 2 = a. With b hidden too: 18 − 9 = 9 = a + b, no single group.
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ a: 'below_k', b: 'complementary' });
	});

	it('keeps hiding until the hidden groups together reach k', () => {
		const row = ratingRow(1, 'c', { a: 1, b: 2, c: 10, d: 12, [ALL_GROUPS]: 25 });
		// a + b = 3 < 5 would publish a group of 3 by subtraction; adding c makes it 13.
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ a: 'below_k', b: 'below_k', c: 'complementary' });
	});

	it('picks among equally small complements by group key, whatever the input order', () => {
		// Two publications of one table in different orders must hide the same cells, or together
		// they would show everything.
		const row = ratingRow(1, 'c', { z: 6, y: 6, x: 2, [ALL_GROUPS]: 14 });
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ x: 'below_k', y: 'complementary' });
	});

	it('never uses a group without ratings as the complement', () => {
		const row = ratingRow(1, 'c', { a: 3, b: 0, c: 9, d: 8, [ALL_GROUPS]: 20 });
		// hiding b (n = 0) would leave 20 − 9 − 8 = 3 = a + 0: a recovered.
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ a: 'below_k', d: 'complementary' });
	});

	it('hides everything when the total itself is below k', () => {
		const row = ratingRow(1, 'c', { a: 1, b: 2, c: 0, [ALL_GROUPS]: 3 });
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ a: 'below_k', b: 'below_k', [ALL_GROUPS]: 'below_k' });
	});

	it('shows cells with n = 0 or n ≥ k untouched', () => {
		const row = ratingRow(1, 'c', { a: 0, b: 5, c: 7, [ALL_GROUPS]: 12 });
		expect(findSuppressedCells(row).size).toBe(0);
		expect(protectResultTable(row)).toEqual(row);
	});

	it('needs no complement when there is no total to subtract from', () => {
		const row = ratingRow(1, 'c', { a: 2, b: 7, c: 9 });
		expect(reasonsByGroup(findSuppressedCells(row), row)).toEqual({ a: 'below_k' });
	});

	it('respects a larger k', () => {
		const row = ratingRow(1, 'c', { a: 6, b: 9, c: 12, [ALL_GROUPS]: 27 });
		expect(findSuppressedCells(row).size).toBe(0);
		expect(reasonsByGroup(findSuppressedCells(row, { minimumGroupSize: 8 }), row)).toEqual({
			a: 'below_k',
			b: 'complementary'
		});
	});
});

describe('findSuppressedCells across a round', () => {
	const participation = participationRow(1, { a: 3, b: 6, c: 10, [ALL_GROUPS]: 19 });
	// a's three people all answered "don't know": n = 0, but its cell would show dontKnow = 3.
	const ratings = ratingRow(1, 'c', { a: 0, b: 6, c: 10, [ALL_GROUPS]: 16 });
	const roundTwo = [
		...participationRow(2, { a: 5, b: 6, c: 10, [ALL_GROUPS]: 21 }),
		...ratingRow(2, 'c', { a: 5, b: 6, c: 10, [ALL_GROUPS]: 21 })
	];

	it('hides a group below k in the participation table, and its complement, in every cell of the round', () => {
		const suppressed = findSuppressedCells([...participation, ...ratings, ...roundTwo]);
		expect(reasonsByGroup(suppressed, participation)).toEqual({ a: 'below_k', b: 'complementary' });
		expect(reasonsByGroup(suppressed, ratings)).toEqual({ a: 'below_k', b: 'complementary' });
	});

	it('protects each round on its own', () => {
		const suppressed = findSuppressedCells([...participation, ...ratings, ...roundTwo]);
		expect(roundTwo.filter((cell) => suppressed.has(cellId(cell.key)))).toEqual([]);
	});

	it('hides the whole round when fewer than k took part', () => {
		const cells = [...participationRow(1, { a: 2, b: 2, [ALL_GROUPS]: 4 }), ...ratingRow(1, 'c', { a: 0, b: 0, [ALL_GROUPS]: 0 })];
		const suppressed = findSuppressedCells(cells);
		expect(cells.map((cell) => suppressed.get(cellId(cell.key)))).toEqual(Array(6).fill('below_k'));
	});

	it('never reveals at a larger k a complement hidden at a smaller one', () => {
		// k = 5: participation a = 3, b = 4 hidden (together 7). In the rating row a + b = 2, so the
		// smallest other group, d (9), is hidden as complement.
		// k = 8: a + b = 7 < 8, so c (20) joins them in the participation table and thus in every
		// cell of the round. On its own, k = 8 would then find the row safe (1 + 1 + 15 = 17) and
		// show d — and together with the k = 5 publication d, c and the total would give a + b.
		const cells = [
			...participationRow(1, { a: 3, b: 4, c: 20, d: 30, e: 40, [ALL_GROUPS]: 97 }),
			...ratingRow(1, 'c', { a: 1, b: 1, c: 15, d: 9, e: 20, [ALL_GROUPS]: 46 })
		];
		const ratings = cells.filter((cell) => cell.key.kind === 'rating');
		expect(reasonsByGroup(findSuppressedCells(cells, { minimumGroupSize: 5 }), ratings)).toEqual({
			a: 'below_k',
			b: 'below_k',
			d: 'complementary'
		});
		expect(reasonsByGroup(findSuppressedCells(cells, { minimumGroupSize: 8 }), ratings)).toEqual({
			a: 'below_k',
			b: 'below_k',
			c: 'complementary',
			d: 'complementary'
		});
	});
});

describe('already suppressed input', () => {
	const key = (group: string): CellKey => ({
		kind: 'rating',
		round: 1,
		competence: 'c',
		measure: 'importance',
		horizon: '2030',
		group
	});

	it('keeps the reason of cells that arrive suppressed and protects around them', () => {
		// a (n = 3, withheld) is 19 − 7 − 9 by subtraction, so b must go too.
		const cells: ResultCell<Figures>[] = [{ key: key('a'), suppressed: 'below_k' }, ...ratingRow(1, 'c', { b: 7, c: 9, [ALL_GROUPS]: 19 })];
		const suppressed = findSuppressedCells(cells);
		expect([...suppressed]).toEqual([
			[cellId(key('a')), 'below_k'],
			[cellId(key('b')), 'complementary']
		]);
	});

	it('hides the total when no group is left to protect a suppressed one', () => {
		const cells: ResultCell<Figures>[] = [
			{ key: key('a'), suppressed: 'below_k' },
			{ key: key(ALL_GROUPS), n: 0, figures: { mean: 0 } }
		];
		expect(findSuppressedCells(cells).get(cellId(key(ALL_GROUPS)))).toBe('complementary');
	});
});

describe('input validation', () => {
	it('rejects a total that is not the sum of its groups', () => {
		expect(() => findSuppressedCells(ratingRow(1, 'c', { a: 5, b: 6, [ALL_GROUPS]: 12 }))).toThrow(/sum of its groups/);
	});

	it('rejects duplicate cells and invalid n', () => {
		const row = ratingRow(1, 'c', { a: 5 });
		expect(() => findSuppressedCells([...row, ...row])).toThrow(/twice/);
		expect(() => findSuppressedCells(ratingRow(1, 'c', { a: -1 }))).toThrow(RangeError);
		expect(() => findSuppressedCells(ratingRow(1, 'c', { a: 2.5 }))).toThrow(RangeError);
	});
});

describe('stripSuppressedFigures', () => {
	it('leaves a suppressed cell with its key and reason only — no n, no figures', () => {
		const row = ratingRow(1, 'c', { a: 2, b: 7, c: 9, [ALL_GROUPS]: 18 });
		const stripped = stripSuppressedFigures(row, findSuppressedCells(row));
		expect(stripped[0]).toStrictEqual({ key: row[0].key, suppressed: 'below_k' });
		expect(Object.keys(stripped[1]).sort()).toEqual(['key', 'suppressed']);
		expect(stripped[2]).toBe(row[2]);
		expect(stripped[3]).toBe(row[3]);
	});
});

/* ---------- properties over random studies ---------- */

interface RandomStudy {
	readonly cells: VisibleCell<Figures>[];
	readonly k: number;
}

const groupKeys = ['g0', 'g1', 'g2', 'g3', 'g4'];
const sizeArbitrary = fc.oneof(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 40 }));

const studyArbitrary: fc.Arbitrary<RandomStudy> = fc
	.record({
		groupCount: fc.integer({ min: 1, max: 5 }),
		k: fc.integer({ min: 3, max: 12 }),
		rounds: fc.array(
			fc.record({
				participation: fc.array(sizeArbitrary, { minLength: 5, maxLength: 5 }),
				withParticipationTotal: fc.boolean(),
				rows: fc.array(
					fc.record({ draws: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), withTotal: fc.boolean() }),
					{ minLength: 1, maxLength: 4 }
				)
			}),
			{ minLength: 1, maxLength: 2 }
		)
	})
	.map(({ groupCount, k, rounds }) => {
		const groups = groupKeys.slice(0, groupCount);
		const cells = rounds.flatMap((round, roundIndex) => {
			const participants = Object.fromEntries(groups.map((group, index) => [group, round.participation[index]]));
			const participantTotal = groups.reduce((sum, group) => sum + participants[group], 0);
			const ratingCells = round.rows.flatMap((row, rowIndex) => {
				// A group cannot have more ratings than participants.
				const sizes = Object.fromEntries(groups.map((group, index) => [group, row.draws[index] % (participants[group] + 1)]));
				const total = groups.reduce((sum, group) => sum + sizes[group], 0);
				return ratingRow(roundIndex + 1, `c${rowIndex}`, row.withTotal ? { ...sizes, [ALL_GROUPS]: total } : sizes);
			});
			const participationSizes = round.withParticipationTotal ? { ...participants, [ALL_GROUPS]: participantTotal } : participants;
			return [...participationRow(roundIndex + 1, participationSizes), ...ratingCells];
		});
		return { cells, k };
	});

/** The same study with every n in (0, k) set to 0 and the totals summed again. */
function withoutSmallCells(cells: readonly VisibleCell<Figures>[], k: number): VisibleCell<Figures>[] {
	const groupCells = cells
		.filter((cell) => cell.key.group !== ALL_GROUPS)
		.map((cell) => (cell.n < k ? { ...cell, n: 0 } : cell));
	const totals = cells
		.filter((cell) => cell.key.group === ALL_GROUPS)
		.map((total) => ({
			...total,
			n: groupCells.filter((cell) => rowId(cell.key) === rowId(total.key)).reduce((sum, cell) => sum + cell.n, 0)
		}));
	return [...groupCells, ...totals];
}

/** A deterministic pseudo-random number per text and seed, to shuffle reproducibly. */
function hash(text: string, seed: number): number {
	let value = seed | 0;
	for (const character of text) value = Math.imul(value ^ character.charCodeAt(0), 2654435761);
	return value;
}

function hiddenIds(cells: readonly ResultCell<Figures>[], k: number): Set<string> {
	return new Set(findSuppressedCells(cells, { minimumGroupSize: k }).keys());
}

describe('suppression properties over random studies', () => {
	it('shows only cells with n = 0 or n ≥ k and hides every cell with 0 < n < k', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				const hidden = hiddenIds(cells, k);
				for (const cell of cells) {
					if (cell.n > 0 && cell.n < k) expect(hidden.has(cellId(cell.key))).toBe(true);
				}
				for (const cell of protectResultTable(cells, { minimumGroupSize: k })) {
					if (!isSuppressedCell(cell)) expect(cell.n === 0 || cell.n >= k).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('lets no row recover a hidden group as total − visible groups', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				const published = protectResultTable(cells, { minimumGroupSize: k });
				const rows = new Map<string, ResultCell<Figures>[]>();
				for (const cell of published) rows.set(rowId(cell.key), [...(rows.get(rowId(cell.key)) ?? []), cell]);
				for (const row of rows.values()) {
					const total = row.find((cell) => cell.key.group === ALL_GROUPS);
					if (total === undefined || isSuppressedCell(total)) continue;
					const groups = row.filter((cell) => cell.key.group !== ALL_GROUPS);
					const hiddenGroups = groups.filter((cell) => isSuppressedCell(cell));
					const visibleSum = groups.reduce((sum, cell) => sum + (isSuppressedCell(cell) ? 0 : cell.n), 0);
					const recoverable = total.n - visibleSum;
					expect(hiddenGroups.length).not.toBe(1);
					expect(recoverable === 0 || recoverable >= k).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('hides a group in every cell of a round once its participation is hidden', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				const hidden = hiddenIds(cells, k);
				for (const cell of cells) {
					if (cell.key.kind !== 'rating') continue;
					const participation = cellId({ kind: 'participation', round: cell.key.round, group: cell.key.group });
					if (hidden.has(participation)) expect(hidden.has(cellId(cell.key))).toBe(true);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('is idempotent: protecting a protected table changes nothing', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				const once = protectResultTable(cells, { minimumGroupSize: k });
				expect(protectResultTable(once, { minimumGroupSize: k })).toEqual(once);
			}),
			{ numRuns: 500 }
		);
	});

	it('does not depend on the order of the cells', () => {
		fc.assert(
			fc.property(studyArbitrary, fc.integer(), ({ cells, k }, seed) => {
				const shuffled = [...cells].sort((a, b) => hash(cellId(a.key), seed) - hash(cellId(b.key), seed));
				expect(hiddenIds(shuffled, k)).toEqual(hiddenIds(cells, k));
			}),
			{ numRuns: 300 }
		);
	});

	it('is monotone: raising k never reveals a cell', () => {
		fc.assert(
			fc.property(studyArbitrary, fc.integer({ min: 1, max: 6 }), ({ cells, k }, raise) => {
				const lower = hiddenIds(cells, k);
				const higher = hiddenIds(cells, k + raise);
				for (const id of lower) expect(higher.has(id)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('hides nothing when every cell is 0 or at least k', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				expect(findSuppressedCells(withoutSmallCells(cells, k), { minimumGroupSize: k }).size).toBe(0);
			}),
			{ numRuns: 200 }
		);
	});

	it('keeps the figures of visible cells and only key and reason of suppressed ones', () => {
		fc.assert(
			fc.property(studyArbitrary, ({ cells, k }) => {
				const published = protectResultTable(cells, { minimumGroupSize: k });
				published.forEach((cell, index) => {
					if (isSuppressedCell(cell)) expect(Object.keys(cell).sort()).toEqual(['key', 'suppressed']);
					else expect(cell).toBe(cells[index]);
				});
			}),
			{ numRuns: 200 }
		);
	});
});
