import { describe, expect, it } from 'vitest';
import { ALL_GROUPS, isSuppressedCell } from '../anonymity/cells';
import { protectedRound, visibleFigures } from './round-table';

const item = { competence: 'A1.1', measure: 'importance', horizon: 'heute' };

function round(counts: Record<string, number[]>, minGroupSize = 5) {
	const groups = Object.keys(counts);
	return protectedRound({
		round: 1,
		groups,
		items: [item],
		counters: groups.map((group) => ({ competence: 'A1.1', measure: 'importance', horizon: 'heute', group, counts: counts[group], dontKnow: 0 })),
		participation: new Map(groups.map((g) => [g, counts[g].reduce((a, b) => a + b, 0)])),
		minGroupSize,
		quantileType: 7
	});
}

describe('protected round table', () => {
	it('sums the groups into "all" and summarises each cell', () => {
		const table = round({ verwaltung: [0, 1, 2, 3, 4], politik: [1, 1, 1, 1, 1] });
		const all = visibleFigures(table.rating(item, ALL_GROUPS));
		expect(all?.histogram.counts).toEqual([1, 2, 3, 4, 5]);
		// 1·1 + 2·2 + 3·3 + 4·4 + 5·5 = 55 over 15 ratings
		expect(all?.summary.mean).toBeCloseTo(55 / 15, 12);
		expect(all?.summary.median).toBe(4);
	});

	it('hides a small group and, with it, a complement so the total minus the rest reveals nothing', () => {
		const table = round({ verwaltung: [0, 0, 5, 5, 5], politik: [0, 0, 0, 2, 1], wirtschaft: [0, 1, 2, 2, 2] });
		expect(isSuppressedCell(table.rating(item, 'politik'))).toBe(true);
		expect(isSuppressedCell(table.participation('politik'))).toBe(true);
		const hiddenGroups = ['verwaltung', 'politik', 'wirtschaft'].filter((g) => isSuppressedCell(table.rating(item, g)));
		expect(hiddenGroups.length).toBeGreaterThanOrEqual(2);
		const suppressed = table.rating(item, 'politik');
		expect(Object.keys(suppressed)).toEqual(['key', 'suppressed']);
	});
});
