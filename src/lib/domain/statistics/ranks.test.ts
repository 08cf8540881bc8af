import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, tieCorrectionSum } from './ranks';

describe('averageRanks', () => {
	it('matches R: rank(c(3, 1, 4, 1, 5, 9, 2, 6))', () => {
		expect(averageRanks([3, 1, 4, 1, 5, 9, 2, 6])).toEqual([4, 1.5, 5, 1.5, 6, 8, 3, 7]);
	});

	it('gives a run of three ties the middle rank', () => {
		expect(averageRanks([7, 7, 2, 7])).toEqual([3, 3, 1, 3]);
	});

	it('always sums to n(n + 1)/2 and keeps the order of distinct values', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 }), (values) => {
				const ranks = averageRanks(values);
				const n = values.length;
				expect(ranks.reduce((sum, rank) => sum + rank, 0)).toBe((n * (n + 1)) / 2);
				values.forEach((value, i) =>
					values.forEach((other, j) => {
						if (value < other) expect(ranks[i]).toBeLessThan(ranks[j]);
						if (value === other) expect(ranks[i]).toBe(ranks[j]);
					})
				);
			})
		);
	});
});

describe('tieCorrectionSum', () => {
	it('sums t³ − t over tie groups', () => {
		// ties of 2 (1s) and 3 (2s): (8 − 2) + (27 − 3) = 30
		expect(tieCorrectionSum([1, 2, 1, 2, 3, 2])).toBe(30);
		expect(tieCorrectionSum([4, 3, 2, 1])).toBe(0);
	});
});
