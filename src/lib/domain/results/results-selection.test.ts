import { describe, expect, it } from 'vitest';
import type { CellResult, StudyResults } from './study-results';
import { selectResults } from './results-selection';

const cell = (group: string, mean: number): CellResult => ({ group, suppressed: false, n: 6, dontKnow: 0, mean, sd: 1, median: mean, q1: mean, q3: mean, iqr: 0, agreement: 0.5, consensus: false, histogram: [1, 1, 1, 1, 2] });
const cells = (base: number) => [cell('verwaltung', base), { group: 'kultur', suppressed: true } as const, cell('all', base + 0.5)];

const results: StudyResults = {
	study: 's',
	round: 2,
	minGroupSize: 5,
	quantileType: 7,
	groups: [
		{ key: 'verwaltung', label: 'Verwaltung', n: 6, suppressed: false },
		{ key: 'kultur', label: 'Kultur', n: null, suppressed: true }
	],
	participants: 9,
	items: [
		{ competence: 'A1', measure: 'importance', horizon: 'heute', cells: cells(3) },
		{ competence: 'A1', measure: 'importance', horizon: 'morgen', cells: cells(4) },
		{ competence: 'A1', measure: 'proficiency', horizon: null, cells: cells(2) }
	],
	gaps: [
		{ competence: 'A1', horizon: 'heute', rank: 1, meanGap: 1, medianGap: 1, importanceMean: 3, proficiencyMean: 2 },
		{ competence: 'A1', horizon: 'morgen', rank: 1, meanGap: 2, medianGap: 2, importanceMean: 4, proficiencyMean: 2 }
	],
	trends: [{ competence: 'A1', means: [3, 4], slope: 1, direction: 'steigend' }],
	disagreement: [
		{ competence: 'A1', measure: 'importance', horizon: 'morgen', higherGroup: 'verwaltung', lowerGroup: 'politik', delta: 0.4, magnitude: 'medium', medianDifference: null },
		{ competence: 'A1', measure: 'proficiency', horizon: null, higherGroup: 'politik', lowerGroup: 'wirtschaft', delta: 0.2, magnitude: 'small', medianDifference: null }
	],
	concordance: [
		{ horizon: 'heute', groups: ['verwaltung'], w: 0.5, chiSquared: 1, degreesOfFreedom: 1, pValue: 0.3 },
		{ horizon: 'morgen', groups: ['verwaltung'], w: 0.6, chiSquared: 1, degreesOfFreedom: 1, pValue: 0.3 }
	],
	change: [{ competence: 'A1', measure: 'importance', horizon: 'morgen', previousRound: 1, round: 2, cells: [{ group: 'verwaltung', suppressed: true }, { group: 'all', suppressed: true }] }]
};

describe('selectResults', () => {
	it('gives one horizon with the self-assessment, its gaps, disagreements, concordance and change', () => {
		const morgen = selectResults(results, { horizon: 'morgen' });
		expect(morgen.items.map((i) => i.horizon)).toEqual(['morgen', null]);
		expect(morgen.gaps.map((g) => g.meanGap)).toEqual([2]);
		expect(morgen.disagreement).toHaveLength(2);
		expect(morgen.concordance.map((c) => c.w)).toEqual([0.6]);
		expect(morgen.change).toHaveLength(1);
		expect(morgen.trends).toEqual(results.trends);
		expect(selectResults(results, { horizon: 'heute' }).change).toEqual([]);
	});

	it('gives one group’s cells and the disagreements it is part of, suppressed cells staying suppressed', () => {
		const verwaltung = selectResults(results, { group: 'verwaltung' });
		expect(verwaltung.items.every((i) => i.cells.length === 1 && i.cells[0].group === 'verwaltung')).toBe(true);
		expect(verwaltung.disagreement.map((d) => d.lowerGroup)).toEqual(['politik']);
		expect(verwaltung.change?.[0].cells).toEqual([{ group: 'verwaltung', suppressed: true }]);
		expect(selectResults(results, { group: 'kultur' }).items[0].cells).toEqual([{ group: 'kultur', suppressed: true }]);
		expect(selectResults(results, { group: 'all', horizon: 'heute' }).items.map((i) => i.cells.map((c) => c.group))).toEqual([['all'], ['all']]);
	});

	it('leaves everything when nothing is selected, without changing the results it was given', () => {
		const frozen = structuredClone(results);
		expect(selectResults(results, {})).toEqual(results);
		selectResults(results, { horizon: 'heute', group: 'verwaltung' });
		expect(results).toEqual(frozen);
	});
});
