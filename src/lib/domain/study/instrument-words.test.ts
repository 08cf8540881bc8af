import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import { instrumentWords } from './instrument-words';

const de = translator('de');
const en = translator('en');

describe('instrument words', () => {
	it('speaks of conditions and dimensions in a self-check, in German and English', () => {
		const words = instrumentWords('conditions');
		expect([de(words.item), de(words.items), de(words.area), de(words.areas)]).toEqual(['Bedingung', 'Bedingungen', 'Dimension', 'Dimensionen']);
		expect([en(words.items), en(words.areas)]).toEqual(['Conditions', 'Dimensions']);
		expect(de(words.proficiencyQuestion)).toBe('So ist es bei uns heute:');
		expect(de(words.importanceQuestion)).toBe('So wichtig ist es uns:');
		expect(de(words.scaleProficiency1)).toBe('1 – trifft gar nicht zu');
		expect(de(words.count, { count: 27 })).toBe('27 Bedingungen');
	});

	it('keeps the words a competence study always had', () => {
		const words = instrumentWords('competences');
		expect([de(words.item), de(words.areas)]).toEqual(['Kompetenz', 'Kompetenzbereiche']);
		expect(de(words.proficiencyQuestion)).toBe('Wie gut kann die Verwaltung das heute?');
		expect(de(words.importanceQuestion, { horizon: 'morgen' })).toBe('Wie wichtig ist das morgen?');
		expect(de(words.count, { count: 43 })).toBe('43 Kompetenzen');
	});

	it('treats a document without kind as a competence framework', () => {
		expect(instrumentWords(undefined)).toBe(instrumentWords('competences'));
		expect(instrumentWords(null)).toBe(instrumentWords('competences'));
	});

	it('has its own word for every role in a self-check', () => {
		const competences = instrumentWords('competences');
		const conditions = instrumentWords('conditions');
		for (const role of Object.keys(competences) as (keyof typeof competences)[]) {
			expect(de(conditions[role], { count: 1, horizon: 'heute' }), role).not.toBe(de(competences[role], { count: 1, horizon: 'heute' }));
		}
	});

	it('never speaks of competences, proficiency or training in a self-check, in German or English', () => {
		const conditions = instrumentWords('conditions');
		const words = (text: string) => text.replace(/\{\w+\}/g, '');
		for (const role of Object.keys(conditions) as (keyof typeof conditions)[]) {
			expect(words(de(conditions[role])), role).not.toMatch(/Kompetenz|beherrsch|Fortbildung|Wissensbedarf/i);
			expect(words(en(conditions[role])), role).not.toMatch(/competenc|proficien|training|knowledge/i);
		}
	});
});
