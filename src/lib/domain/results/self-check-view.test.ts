import { describe, expect, it } from 'vitest';
import { selfCheckView, weakConditions } from './self-check-view';
import type { CellResult, StudyResults } from './study-results';

const shown = (group: string, mean: number | null, n = 6): CellResult =>
	({ group, suppressed: false, n, dontKnow: 0, mean, sd: null, median: null, q1: null, q3: null, iqr: null, agreement: null, consensus: null, histogram: [0, 0, 0, 0, 0] }) as unknown as CellResult;
const hidden = (group: string): CellResult => ({ group, suppressed: true });

function results(today: Record<string, CellResult[]>): StudyResults {
	return {
		study: 's',
		round: 1,
		minGroupSize: 5,
		quantileType: 7,
		groups: [
			{ key: 'verwaltung', label: 'Verwaltung', n: 14, suppressed: false },
			{ key: 'zivilgesellschaft', label: 'Stadtmacher*innen', n: 11, suppressed: false },
			{ key: 'kultur', label: 'Kultur', n: null, suppressed: true }
		],
		participants: 28,
		items: Object.entries(today).flatMap(([competence, cells]) => [
			{ competence, measure: 'proficiency' as const, horizon: null, cells },
			{ competence, measure: 'importance' as const, horizon: 'heute', cells: cells.map((c) => (c.suppressed ? c : shown(c.group, 5))) }
		]),
		gaps: [],
		trends: [],
		disagreement: [],
		concordance: []
	};
}

const setting = {
	areas: [
		{ code: 'R1', title: 'Anlaufstelle und Lotsen' },
		{ code: 'R3', title: 'Räume und rechtliche Wege' }
	],
	competences: [
		{ code: 'R1.1', title: 'Feste Ansprechperson', areaCode: 'R1' },
		{ code: 'R1.2', title: 'Antwort in zwei Wochen', areaCode: 'R1' },
		{ code: 'R3.1', title: 'Ansprechperson Zwischennutzung', areaCode: 'R3' }
	]
};

const view = selfCheckView(
	results({
		'R1.1': [shown('verwaltung', 4.1), shown('zivilgesellschaft', 2.3), hidden('kultur'), shown('all', 3.3)],
		'R1.2': [shown('verwaltung', 3.5), shown('zivilgesellschaft', 3.0), hidden('kultur'), shown('all', 3.2)],
		'R3.1': [shown('verwaltung', 3.0), shown('zivilgesellschaft', null), hidden('kultur'), shown('all', 3.0)]
	}),
	setting
);

describe('self-check view', () => {
	it('scores each dimension per visible group as the mean of its visible condition means, all groups last', () => {
		expect(view.groups).toEqual(['verwaltung', 'zivilgesellschaft', 'all']);
		const [r1, r3] = view.dimensions;
		// Verwaltung in R1: (4,1 + 3,5) / 2 = 3,8; Stadtmacher*innen: (2,3 + 3,0) / 2 = 2,65; all: (3,3 + 3,2) / 2 = 3,25.
		expect(r1.scores.map((s) => [s.group, s.mean === null ? null : Number(s.mean.toFixed(4)), s.conditions])).toEqual([
			['verwaltung', 3.8, 2],
			['zivilgesellschaft', 2.65, 2],
			['all', 3.25, 2]
		]);
		// Nobody among the city makers rated R3.1 on the scale: no score rather than a 0.
		expect(r3.scores.find((s) => s.group === 'zivilgesellschaft')).toEqual({ group: 'zivilgesellschaft', mean: null, conditions: 0 });
	});

	it('names the conditions the sides see most differently, largest first, never with a hidden group', () => {
		expect(view.differences.map((d) => [d.code, d.higher, d.lower, Number(d.difference.toFixed(4))])).toEqual([
			['R1.1', { group: 'verwaltung', mean: 4.1 }, { group: 'zivilgesellschaft', mean: 2.3 }, 1.8],
			['R1.2', { group: 'verwaltung', mean: 3.5 }, { group: 'zivilgesellschaft', mean: 3 }, 0.5]
		]);
		expect(JSON.stringify(view)).not.toContain('kultur');
	});

	it('keeps at most the limit and leaves out conditions with fewer than two visible groups', () => {
		expect(selfCheckView(results({ 'R1.1': [shown('verwaltung', 4.1), shown('zivilgesellschaft', 2.3), hidden('kultur'), shown('all', 3.3)] }), setting, 0).differences).toEqual([]);
		expect(view.differences.map((d) => d.code)).not.toContain('R3.1');
	});
});

describe('weak conditions', () => {
	const conditions = [...setting.competences, { code: 'R3.2', title: 'Konzeptvergabe', areaCode: 'R3', firstSteps: 'Prüfen Sie ein Grundstück für die Konzeptvergabe.' }];
	const weak = (cells: Record<string, CellResult[]>) => weakConditions(results(cells), conditions);

	it('are the conditions all groups together see below 3 today, weakest first, with their first steps', () => {
		const found = weak({
			'R1.1': [shown('verwaltung', 4.1), shown('zivilgesellschaft', 2.3), shown('all', 3.3)],
			'R1.2': [shown('verwaltung', 3.0), shown('zivilgesellschaft', 2.4), shown('all', 2.7)],
			'R3.1': [shown('verwaltung', 3.0), shown('zivilgesellschaft', 3.0), shown('all', 3.0)],
			'R3.2': [shown('verwaltung', 2.5), shown('zivilgesellschaft', 1.5), shown('all', 2.0)]
		});
		// 3,0 is the midpoint and not weak; one group's low view alone (R1.1) is a difference, not a weak condition.
		expect(found).toEqual([
			{ code: 'R3.2', title: 'Konzeptvergabe', areaCode: 'R3', mean: 2.0, firstSteps: 'Prüfen Sie ein Grundstück für die Konzeptvergabe.' },
			{ code: 'R1.2', title: 'Antwort in zwei Wochen', areaCode: 'R1', mean: 2.7 }
		]);
	});

	it('never count a suppressed cell or one without ratings', () => {
		const found = weak({
			'R1.1': [hidden('verwaltung'), hidden('zivilgesellschaft'), hidden('all')],
			'R1.2': [shown('verwaltung', 1.0), shown('zivilgesellschaft', null), shown('all', null)],
			'R3.2': [shown('verwaltung', 1.0), hidden('all')]
		});
		expect(found).toEqual([]);
	});

	it('are part of the self-check view', () => {
		expect(view.weak).toEqual([]);
	});
});
