import { describe, expect, it } from 'vitest';
import { createConditionsCatalogue } from '../framework/conditions-catalogue';
import { createDefaultFramework } from '../framework/default-framework';
import { allItems, checkAnswers, itemKey, questionnairePages } from './questionnaire';

const study = {
	competences: ['A1.1', 'A1.2', 'A3.1'],
	horizons: [
		{ key: 'heute', label: 'heute', years: 0 },
		{ key: 'morgen', label: 'morgen', years: 5 }
	],
	measureProficiency: true
};

describe('questionnaire', () => {
	it('has one page per area with included competences, each rated per horizon plus proficiency', () => {
		const pages = questionnairePages(study, createDefaultFramework());
		expect(pages.map((p) => p.areaCode)).toEqual(['A1', 'A3']);
		expect(pages[0].competences.map((c) => c.code)).toEqual(['A1.1', 'A1.2']);
		expect(pages[0].competences[0].items.map((i) => i.key)).toEqual(['A1.1|importance|heute', 'A1.1|importance|morgen', 'A1.1|proficiency|']);
		expect(allItems(pages)).toHaveLength(9);
	});

	it('asks a self-check first how it is today, then how important it is, on one page per dimension', () => {
		const selfCheck = { competences: ['R1.1', 'R1.2', 'R3.1'], horizons: [{ key: 'heute', label: 'heute', years: 0 }], measureProficiency: true };
		const pages = questionnairePages(selfCheck, createConditionsCatalogue());
		expect(pages.map((p) => [p.instrument, p.areaCode])).toEqual([['conditions', 'R1'], ['conditions', 'R3']]);
		expect(pages[1].competences[0].items.map((i) => i.key)).toEqual(['R3.1|proficiency|', 'R3.1|importance|heute']);
		expect(questionnairePages(study, createDefaultFramework())[0].instrument).toBe('competences');
	});

	it('leaves out proficiency when the study does not ask for it', () => {
		const pages = questionnairePages({ ...study, measureProficiency: false }, createDefaultFramework());
		expect(allItems(pages)).toHaveLength(6);
	});

	it('accepts 1–5 and null, and names every bad answer by its position', () => {
		const items = allItems(questionnairePages(study, createDefaultFramework()));
		const good = checkAnswers(items, [
			{ competence: 'A1.1', measure: 'importance', horizon: 'heute', value: 5 },
			{ competence: 'A1.1', measure: 'proficiency', horizon: null, value: null }
		]);
		expect(good.ok && [...good.answers]).toEqual([
			[itemKey('A1.1', 'importance', 'heute'), 5],
			[itemKey('A1.1', 'proficiency', null), null]
		]);
		const bad = checkAnswers(items, [
			{ competence: 'A1.1', measure: 'importance', horizon: 'heute', value: 6 },
			{ competence: 'A9.9', measure: 'importance', horizon: 'heute', value: 3 },
			{ competence: 'A1.1', measure: 'wichtig', horizon: 'heute', value: 3 },
			{ competence: 'A1.2', measure: 'importance', horizon: 'heute', value: 2.5 },
			{ competence: 'A1.2', measure: 'importance', horizon: 'morgen', value: '3' },
			{ competence: 'A1.2', measure: 'importance', horizon: 'morgen', value: 3 },
			{ competence: 'A1.2', measure: 'importance', horizon: 'morgen', value: 4 }
		]);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['answers[0].value', 'answers[1]', 'answers[2].measure', 'answers[3].value', 'answers[4].value', 'answers[6]']);
	});
});
