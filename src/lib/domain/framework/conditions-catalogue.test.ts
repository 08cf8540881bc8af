import { describe, expect, it } from 'vitest';
import { CONDITIONS_CATALOGUE_CODE, createConditionsCatalogue } from './conditions-catalogue';
import { exportFrameworkJson, readFrameworkJsonDocument } from './json-codec';
import { instrumentKindOf } from './model';
import shippedFile from './rahmenbedingungen.json';

const catalogue = createConditionsCatalogue();
const conditions = catalogue.areas.flatMap((area) => area.competences);

describe('shipped conditions catalogue (Rahmenbedingungen)', () => {
	it('is a Stadtwissen-JSON file the import codec reads without errors or warnings, stored as the export writes it', () => {
		expect(readFrameworkJsonDocument(shippedFile)).toEqual({ ok: true, framework: catalogue, warnings: [] });
		expect(`${JSON.stringify(shippedFile, null, 2)}\n`).toBe(exportFrameworkJson(catalogue));
	});

	it('is a conditions instrument with its own code, in German and English', () => {
		expect(instrumentKindOf(catalogue)).toBe('conditions');
		expect(catalogue.meta).toMatchObject({ code: CONDITIONS_CATALOGUE_CODE, name_de: 'Rahmenbedingungen-Selbstcheck', languages: ['de', 'en'] });
		expect(catalogue.meta.source_de).toContain('Neue Leipzig-Charta');
	});

	it('has six dimensions and 25 to 30 conditions, numbered within their dimension', () => {
		expect(catalogue.areas).toHaveLength(6);
		expect(conditions.length).toBeGreaterThanOrEqual(25);
		expect(conditions.length).toBeLessThanOrEqual(30);
		for (const area of catalogue.areas) {
			expect(area.competences.length, area.code).toBeGreaterThanOrEqual(3);
			area.competences.forEach((condition, index) => expect(condition.code).toBe(`${area.code}.${index + 1}`));
		}
	});

	it('has every text in both languages, first steps and sources for every condition', () => {
		for (const area of catalogue.areas) {
			for (const field of ['title_de', 'title_en', 'description_de', 'description_en'] as const) expect(area[field].trim(), `${area.code} ${field}`).not.toBe('');
		}
		for (const condition of conditions) {
			for (const field of ['title_de', 'title_en', 'description_de', 'description_en', 'firstSteps_de', 'firstSteps_en', 'source_de', 'source_en'] as const) {
				expect(condition[field]?.trim(), `${condition.code} ${field}`).toBeTruthy();
			}
		}
	});

	it('states each condition as a concrete sentence and keeps first steps to one to three sentences', () => {
		for (const condition of conditions) {
			expect(condition.title_de, condition.code).toMatch(/^[A-ZÄÖÜ][^.!?]+\.$/);
			const sentences = condition.firstSteps_de!.split(/(?<=[.!?])\s+/).filter(Boolean);
			expect(sentences.length, condition.code).toBeGreaterThanOrEqual(1);
			expect(sentences.length, condition.code).toBeLessThanOrEqual(3);
		}
	});

	it('uses no unexplained abbreviations in what participants read (titles and explanations)', () => {
		for (const condition of conditions) {
			for (const text of [condition.title_de, condition.description_de]) {
				expect(text, condition.code).not.toMatch(/\b(z\. ?B|bzw|ggf|u\. ?a|usw|d\. ?h|evtl|ca)\.|\b[A-ZÄÖÜ]{2,}\b/);
			}
		}
	});

	it('contains the conditions the issue names', () => {
		const titles = conditions.map((condition) => condition.title_de).join('\n');
		expect(titles).toContain('Es gibt eine feste Ansprechperson in der Verwaltung für Zwischennutzungen.');
		expect(titles).toMatch(/Budget für Experimente/);
		expect(titles).toMatch(/Leitlinien für Beteiligung/);
		expect(titles).toMatch(/Daten offen/);
		expect(titles).toMatch(/Zeit für Fortbildung/);
	});
});
