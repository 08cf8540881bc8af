import { describe, expect, it } from 'vitest';
import { coverageFigures, coverageSentence, modulesForCompetence, planCoverage, type CoverageGap } from './coverage';

const gap = (competence: string, horizon: string, covered: boolean, status: CoverageGap['status'] = 'prioritised'): CoverageGap => ({ competence, horizon, covered, status });

describe('modulesForCompetence', () => {
	it('finds every module addressing the competence with its level, kennenlernen before anwenden before vertiefen', () => {
		const modules = [
			{ id: 'm1', title: 'Vertiefung', competences: [{ code: 'A1', level: 'vertiefen' as const }] },
			{ id: 'm2', title: 'Andere', competences: [{ code: 'B2', level: 'kennenlernen' as const }] },
			{ id: 'm3', title: 'Einstieg', competences: [{ code: 'B2', level: 'anwenden' as const }, { code: 'A1', level: 'kennenlernen' as const }] }
		];
		expect(modulesForCompetence(modules, 'A1')).toEqual([
			{ id: 'm3', title: 'Einstieg', level: 'kennenlernen' },
			{ id: 'm1', title: 'Vertiefung', level: 'vertiefen' }
		]);
		expect(modulesForCompetence(modules, 'C9')).toEqual([]);
	});
});

describe('coverage', () => {
	const gaps = [gap('A1', 'heute', true), gap('A2', 'heute', false), gap('A3', 'morgen', true), gap('A4', 'morgen', true), gap('A5', 'morgen', false, 'dropped')];
	const tags: Record<string, string[]> = { A1: ['P1', 'P3'], A2: ['P3'], A3: ['P1'], A4: [], A5: ['P5'] };

	it('counts prioritised gaps only, and the covered ones among them', () => {
		expect(coverageFigures(gaps)).toEqual({ prioritised: 4, covered: 3, share: 0.75 });
		expect(coverageFigures([])).toEqual({ prioritised: 0, covered: 0, share: null });
	});

	it('splits by horizon and by Charter principle (a dropped gap’s principle does not appear)', () => {
		const coverage = planCoverage(gaps, ['heute', 'morgen', 'uebermorgen'], ['P1', 'P2', 'P3', 'P4', 'P5'], (c) => tags[c]);
		expect(coverage.byHorizon).toEqual([
			{ horizon: 'heute', prioritised: 2, covered: 1, share: 0.5 },
			{ horizon: 'morgen', prioritised: 2, covered: 2, share: 1 },
			{ horizon: 'uebermorgen', prioritised: 0, covered: 0, share: null }
		]);
		expect(coverage.byPrinciple).toEqual([
			{ principle: 'P1', prioritised: 2, covered: 2, share: 1 },
			{ principle: 'P3', prioritised: 2, covered: 1, share: 0.5 }
		]);
	});
});

describe('coverageSentence', () => {
	it('says it in plain German with German number formatting', () => {
		expect(coverageSentence('de', { prioritised: 29, covered: 23, share: 23 / 29 })).toBe('23 von 29 priorisierten Bedarfen sind durch Module abgedeckt (79\u00a0%)');
		expect(coverageSentence('de', { prioritised: 1200, covered: 1, share: 1 / 1200 })).toBe('1 von 1.200 priorisierten Bedarfen ist durch Module abgedeckt (0\u00a0%)');
		expect(coverageSentence('de', { prioritised: 1, covered: 0, share: 0 })).toBe('0 von 1 priorisierten Bedarf sind durch Module abgedeckt (0\u00a0%)');
		expect(coverageSentence('de', { prioritised: 0, covered: 0, share: null })).toBe('Es sind noch keine Bedarfe priorisiert.');
	});

	it('has an English variant', () => {
		expect(coverageSentence('en', { prioritised: 29, covered: 23, share: 23 / 29 })).toBe('23 of 29 prioritised needs are covered by modules (79%)');
	});

	it('counts a self-check plan’s conditions, not needs', () => {
		expect(coverageSentence('de', { prioritised: 13, covered: 2, share: 2 / 13 }, 'conditions')).toBe('2 von 13 Bedingungen im Plan werden durch Module behandelt (15\u00a0%)');
		expect(coverageSentence('de', { prioritised: 0, covered: 0, share: null }, 'conditions')).toBe('Es ist noch keine Bedingung im Plan.');
		expect(coverageSentence('en', { prioritised: 1, covered: 1, share: 1 }, 'conditions')).toBe('1 of 1 condition in the plan is addressed by modules (100%)');
	});
});
