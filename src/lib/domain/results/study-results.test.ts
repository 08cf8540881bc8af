import { describe, expect, it } from 'vitest';
import { protectedRound } from './round-table';
import { studyResults, type ResultsStudy } from './study-results';

const study: ResultsStudy = {
	id: 's',
	groups: [
		{ key: 'verwaltung', label: 'Verwaltung' },
		{ key: 'zivilgesellschaft', label: 'Zivilgesellschaft' },
		{ key: 'wissenschaft', label: 'Wissenschaft' }
	],
	horizons: [{ key: 'heute', label: 'heute' }],
	measureProficiency: true,
	minGroupSize: 5,
	quantileType: 7,
	consensus: { maxIqr: 1, minAgreement: 0.7 }
};

/** Verwaltung: 10 people, Zivilgesellschaft: 10, Wissenschaft: `science` (2 is below k). */
function table(science = 2) {
	const counter = (competence: string, measure: string, horizon: string, group: string, counts: number[]) => ({ competence, measure, horizon, group, counts, dontKnow: 0 });
	return protectedRound({
		round: 1,
		groups: study.groups.map((g) => g.key),
		items: [
			{ competence: 'A1', measure: 'importance', horizon: 'heute' },
			{ competence: 'A1', measure: 'proficiency', horizon: null },
			{ competence: 'A2', measure: 'importance', horizon: 'heute' },
			{ competence: 'A2', measure: 'proficiency', horizon: null }
		],
		counters: [
			// A1: everyone finds it very important; the administration thinks it can do it, city makers do not.
			counter('A1', 'importance', 'heute', 'verwaltung', [0, 0, 0, 2, 8]),
			counter('A1', 'importance', 'heute', 'zivilgesellschaft', [0, 0, 0, 2, 8]),
			counter('A1', 'importance', 'heute', 'wissenschaft', [0, 0, 0, 0, science]),
			counter('A1', 'proficiency', '', 'verwaltung', [0, 0, 2, 8, 0]),
			counter('A1', 'proficiency', '', 'zivilgesellschaft', [8, 2, 0, 0, 0]),
			counter('A1', 'proficiency', '', 'wissenschaft', [science, 0, 0, 0, 0]),
			// A2: middling importance, middling proficiency.
			counter('A2', 'importance', 'heute', 'verwaltung', [0, 0, 10, 0, 0]),
			counter('A2', 'importance', 'heute', 'zivilgesellschaft', [0, 0, 10, 0, 0]),
			counter('A2', 'importance', 'heute', 'wissenschaft', [0, 0, science, 0, 0]),
			counter('A2', 'proficiency', '', 'verwaltung', [0, 0, 10, 0, 0]),
			counter('A2', 'proficiency', '', 'zivilgesellschaft', [0, 0, 10, 0, 0]),
			counter('A2', 'proficiency', '', 'wissenschaft', [0, 0, science, 0, 0])
		],
		participation: new Map([
			['verwaltung', 10],
			['zivilgesellschaft', 10],
			['wissenschaft', science]
		]),
		minGroupSize: 5,
		quantileType: 7
	});
}

describe('study results', () => {
	const results = studyResults(study, ['A1', 'A2'], table());

	it('hides the small group entirely and, with the total visible, a complementary group too', () => {
		expect(results.groups.find((g) => g.key === 'wissenschaft')).toEqual({ key: 'wissenschaft', label: 'Wissenschaft', n: null, suppressed: true });
		const cells = results.items[0].cells;
		const hidden = cells.filter((c) => c.suppressed).map((c) => c.group);
		expect(hidden).toContain('wissenschaft');
		expect(hidden.length).toBeGreaterThanOrEqual(2);
		for (const cell of cells.filter((c) => c.suppressed)) expect(Object.keys(cell).sort()).toEqual(['group', 'suppressed']);
	});

	it('ranks the gap importance − proficiency of all groups per horizon', () => {
		// A1: importance all 22 ratings: 4×4 + 18×5 → mean (16 + 90)/22; proficiency: 10×1 + 2×2 + 2×3 + 8×4 → (10 + 4 + 6 + 32)/22
		const a1 = results.gaps.find((g) => g.competence === 'A1')!;
		expect(a1.rank).toBe(1);
		expect(a1.meanGap).toBeCloseTo(106 / 22 - 52 / 22, 12);
		const a2 = results.gaps.find((g) => g.competence === 'A2')!;
		expect(a2).toMatchObject({ rank: 2, meanGap: 0, medianGap: 0 });
	});

	it('names where groups see it differently, with the effect size, only among visible groups', () => {
		// With Wissenschaft below k, one of the two large groups is hidden as its complement: nothing to compare.
		expect(results.disagreement).toEqual([]);
		const complete = studyResults(study, ['A1', 'A2'], table(6));
		const top = complete.disagreement[0];
		expect(top).toMatchObject({ competence: 'A1', measure: 'proficiency', higherGroup: 'verwaltung', lowerGroup: 'zivilgesellschaft', magnitude: 'large' });
		// every Verwaltung rating (3–4) is above every city-maker rating (1–2): delta = 1; ties go to the first pair
		expect(top.delta).toBe(1);
		expect(top.medianDifference).toEqual({ higherGroup: 'verwaltung', lowerGroup: 'zivilgesellschaft', difference: 3 });
		expect(complete.concordance[0].groups).toEqual(['verwaltung', 'zivilgesellschaft', 'wissenschaft']);
	});

	it('gives the median difference of the pair the headline names, not of another pair', () => {
		// A: all 5; B: all 4; C: six 1s and four 5s (median 1). Cliff's delta is largest for A–B (1, against
		// 0,6 for A–C and 0,2 for B–C), the median distance for A–C (4). The text named A–B with A–C's 4.
		const pairStudy: ResultsStudy = { ...study, measureProficiency: false, groups: ['a', 'b', 'c'].map((key) => ({ key, label: key.toUpperCase() })) };
		const counter = (group: string, counts: number[]) => ({ competence: 'A1', measure: 'importance', horizon: 'heute', group, counts, dontKnow: 0 });
		const round = protectedRound({
			round: 1,
			groups: ['a', 'b', 'c'],
			items: [{ competence: 'A1', measure: 'importance', horizon: 'heute' }],
			counters: [counter('a', [0, 0, 0, 0, 10]), counter('b', [0, 0, 0, 10, 0]), counter('c', [6, 0, 0, 0, 4])],
			participation: new Map([
				['a', 10],
				['b', 10],
				['c', 10]
			]),
			minGroupSize: 5,
			quantileType: 7
		});
		const [top] = studyResults(pairStudy, ['A1'], round).disagreement;
		expect(top).toMatchObject({ higherGroup: 'a', lowerGroup: 'b', delta: 1 });
		expect(top.medianDifference).toEqual({ higherGroup: 'a', lowerGroup: 'b', difference: 1 });
	});

	it('reports the share rating 4–5 and consensus by the study rule', () => {
		const all = results.items[0].cells.find((c) => c.group === 'all');
		expect(all).toMatchObject({ suppressed: false, n: 22, agreement: 1, median: 5, consensus: true });
	});
});
