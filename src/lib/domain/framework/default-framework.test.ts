import { describe, expect, it } from 'vitest';
import { createDefaultFramework, readShippedFramework, SHIPPED_FRAMEWORK_FILE } from './default-framework';
import shippedFile from './integrierte-stadtentwicklung.json';
import { exportFrameworkJson, readFrameworkJsonDocument } from './json-codec';
import { validateFramework } from './model';
import { DIMENSION_KEYS, FIELD_OF_ACTION_KEYS, PRINCIPLE_KEYS, SPATIAL_LEVEL_KEYS } from './vocabulary';

const framework = createDefaultFramework();
const competences = framework.areas.flatMap((area) => area.competences);

describe('default framework', () => {
	it('is a Stadtwissen-JSON file that the import codec reads without errors or warnings', () => {
		expect(readFrameworkJsonDocument(shippedFile)).toEqual({ ok: true, framework, warnings: [] });
		expect(validateFramework(framework)).toEqual({ ok: true, framework });
	});

	it('is stored exactly as the JSON export writes it, so an exported edit gives a clean diff', () => {
		expect(`${JSON.stringify(shippedFile, null, 2)}\n`).toBe(exportFrameworkJson(framework));
	});

	it('stops the start with a message naming the file and every problem when the file is invalid', () => {
		const broken = structuredClone(shippedFile) as { areas: { code: string; competences: { title_de: string }[] }[] };
		broken.areas[1].competences[0].title_de = '';
		broken.areas[2].code = 'A1';
		const start = () => readShippedFramework(broken);
		expect(start).toThrow(SHIPPED_FRAMEWORK_FILE);
		expect(start).toThrow(/Stadtwissen startet nicht[\s\S]*does not start/);
		expect(start).toThrow(/\n- Kompetenz „A2\.1“, Feld „title_de“: .+/);
		expect(start).toThrow(/\n- Bereich „A1“/);
	});

	it('keeps the codes, names and languages users know', () => {
		expect(framework.meta).toMatchObject({
			code: 'STADTWISSEN-NLC',
			name_de: 'Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta',
			name_en: 'Integrated urban development under the New Leipzig Charter',
			languages: ['de', 'en']
		});
		expect(competences).toHaveLength(43);
	});

	it('has eight areas A1 to A8 and between 35 and 45 competences', () => {
		expect(framework.areas.map((area) => area.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
		expect(competences.length).toBeGreaterThanOrEqual(35);
		expect(competences.length).toBeLessThanOrEqual(45);
	});

	it('numbers competences within their area and keeps all codes unique', () => {
		for (const area of framework.areas) {
			area.competences.forEach((competence, index) => expect(competence.code).toBe(`${area.code}.${index + 1}`));
		}
		const codes = [...framework.areas.map((area) => area.code), ...competences.map((competence) => competence.code)];
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('tags every competence with at least one Charter principle', () => {
		const untagged = competences.filter((competence) => competence.tags.principles.length === 0);
		expect(untagged.map((competence) => competence.code)).toEqual([]);
	});

	it('uses every principle, dimension, spatial level and field of action somewhere', () => {
		const used = new Set(
			competences.flatMap((competence) => [
				...competence.tags.principles,
				...competence.tags.dimensions,
				...competence.tags.levels,
				...competence.tags.fields
			])
		);
		for (const key of [...PRINCIPLE_KEYS, ...DIMENSION_KEYS, ...SPATIAL_LEVEL_KEYS, ...FIELD_OF_ACTION_KEYS]) {
			expect(used, key).toContain(key);
		}
	});

	it('has both knowledge and skill competences', () => {
		expect(new Set(competences.map((competence) => competence.type))).toEqual(new Set(['knowledge', 'skill']));
	});

	it('describes each competence in one short plain German sentence addressed with "Sie"', () => {
		for (const { code, description_de } of competences) {
			const words = description_de.split(/\s+/);
			expect(description_de, code).toMatch(/^Sie [^.!?]+\.$/);
			expect(words.length, `${code}: ${description_de}`).toBeLessThanOrEqual(20);
			expect(description_de, code).not.toMatch(/\b(z\. ?B|bzw|ggf|u\. ?a|usw|d\. ?h|evtl|ca)\.|\b[A-ZÄÖÜ]{2,}\b/);
		}
	});

	it('has English titles and descriptions for every area and competence', () => {
		for (const item of [...framework.areas, ...competences]) {
			expect(item.title_en.trim(), item.code).not.toBe('');
			expect(item.description_en.trim(), item.code).not.toBe('');
		}
	});

	it('cites the New Leipzig Charter of 30 November 2020 as its source', () => {
		expect(framework.meta.source_de).toContain('Neue Leipzig-Charta');
		expect(framework.meta.source_de).toContain('30. November 2020');
		expect(framework.meta.source_en).toContain('New Leipzig Charter');
	});

	it('hands out a fresh copy each time', () => {
		const copy = createDefaultFramework();
		copy.areas[0].competences[0].tags.principles.push('P4');
		copy.areas[0].title_de = 'geändert';
		expect(createDefaultFramework()).toEqual(framework);
	});
});
