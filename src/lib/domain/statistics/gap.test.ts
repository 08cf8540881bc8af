import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competenceGap, rankPriorities, type PriorityCandidate } from './gap';
import { createHistogram } from './histogram';
import { summarizeHistogram } from './summary';

describe('competenceGap', () => {
	it('is importance − proficiency for means and medians', () => {
		// importance 3,3,4,4,4,4,5,5,5,5: mean 42/10 = 4.2, median (x5 + x6)/2 = 4
		const importance = summarizeHistogram(createHistogram([0, 0, 2, 4, 4]));
		// proficiency 1,2,2,2,3,3,3,3,4,4: mean 27/10 = 2.7, median 3
		const proficiency = summarizeHistogram(createHistogram([1, 3, 4, 2, 0]));
		const gap = competenceGap(importance, proficiency);
		expect(gap.meanGap).toBeCloseTo(1.5, 14);
		expect(gap.medianGap).toBe(1);
	});

	it('is unknown when one side has no ratings', () => {
		const importance = summarizeHistogram(createHistogram([0, 0, 2, 4, 4]));
		const nobody = summarizeHistogram(createHistogram([0, 0, 0, 0, 0], 7));
		expect(competenceGap(importance, nobody)).toEqual({ meanGap: null, medianGap: null });
		expect(competenceGap(nobody, importance)).toEqual({ meanGap: null, medianGap: null });
	});
});

const candidate = (competence: string, meanGap: number | null, medianGap: number | null = meanGap): PriorityCandidate => ({
	competence,
	gap: { meanGap, medianGap }
});

describe('rankPriorities', () => {
	it('sorts by gap, largest first, ties sharing a rank in input order, unknown gaps last', () => {
		const ranked = rankPriorities([
			candidate('a', 0.5),
			candidate('unknown', null),
			candidate('b', 1.25),
			candidate('c', 1.25),
			candidate('d', 2)
		]);
		expect(ranked.map((entry) => [entry.competence, entry.rank])).toEqual([
			['d', 1],
			['b', 2],
			['c', 2],
			['a', 4],
			['unknown', null]
		]);
	});

	it('does not let floating-point noise split a tie', () => {
		// 1.2 − 1.1 = 0.09999999999999987 and 1.1 − 1.0 = 0.10000000000000009: both are 0.1
		const ranked = rankPriorities([candidate('first', 1.2 - 1.1), candidate('second', 1.1 - 1.0)]);
		expect(ranked.map((entry) => [entry.competence, entry.rank])).toEqual([
			['first', 1],
			['second', 1]
		]);
	});

	it('ranks by the median gap on request', () => {
		const ranked = rankPriorities([candidate('a', 2, 0.5), candidate('b', 1, 1.5)], 'median');
		expect(ranked.map((entry) => entry.competence)).toEqual(['b', 'a']);
	});

	it('is a stable descending sort with competition ranks', () => {
		const gapArbitrary = fc.option(fc.integer({ min: -8, max: 8 }).map((steps) => steps / 2), { nil: null });
		fc.assert(
			fc.property(fc.array(gapArbitrary, { maxLength: 25 }), (gaps) => {
				const input = gaps.map((gap, index) => candidate(`c${index}`, gap));
				const ranked = rankPriorities(input);
				expect([...ranked].map((entry) => entry.competence).sort()).toEqual(input.map((entry) => entry.competence).sort());
				ranked.forEach((entry, position) => {
					const gap = entry.gap.meanGap;
					const larger = input.filter((other) => other.gap.meanGap !== null && gap !== null && other.gap.meanGap > gap);
					expect(entry.rank).toBe(gap === null ? null : larger.length + 1);
					const next = ranked[position + 1];
					if (next && next.gap.meanGap !== null && gap !== null) {
						expect(gap).toBeGreaterThanOrEqual(next.gap.meanGap);
						if (gap === next.gap.meanGap) {
							expect(Number(entry.competence.slice(1))).toBeLessThan(Number(next.competence.slice(1)));
						}
					}
					if (gap === null && next) expect(next.gap.meanGap).toBeNull();
				});
			})
		);
	});
});
