import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { tagKeysOf, tagsFromKeys, validateFramework, type FrameworkDocument } from './model';

function smallFramework(): FrameworkDocument {
	const framework = createDefaultFramework();
	framework.areas = framework.areas.slice(0, 2).map((area) => ({ ...area, competences: area.competences.slice(0, 2) }));
	return framework;
}

function issuesOf(framework: unknown) {
	const result = validateFramework(framework);
	return result.ok ? [] : result.issues;
}

describe('validateFramework', () => {
	it.each(['A3.2', 'X1', 'ESCO-123', 'k_1.b-2', '2024.A'])('accepts the code %s', (code) => {
		const framework = smallFramework();
		framework.areas[0].competences[0].code = code;
		expect(issuesOf(framework)).toEqual([]);
	});

	it.each(['A 1', '.A1', 'A1.', 'A..1', 'Ä1', 'A1/2'])('rejects the code %s', (code) => {
		const framework = smallFramework();
		framework.areas[0].competences[0].code = code;
		expect(issuesOf(framework)).toEqual([
			{
				path: ['areas', 0, 'competences', 0, 'code'],
				message: `Der Code „${code}“ ist ungültig. Erlaubt sind Buchstaben, Ziffern, Binde- und Unterstriche, getrennt durch Punkte, zum Beispiel „A3.2“.`
			}
		]);
	});

	it('rejects an empty code and one longer than 100 characters', () => {
		const framework = smallFramework();
		framework.areas[0].code = ' ';
		framework.areas[1].code = 'A'.repeat(101);
		expect(issuesOf(framework)).toEqual([
			{ path: ['areas', 0, 'code'], message: 'Der Code fehlt.' },
			{ path: ['areas', 1, 'code'], message: 'Der Code ist zu lang: erlaubt sind höchstens 100 Zeichen.' }
		]);
	});

	it('finds codes used twice, also across areas and competences and regardless of case', () => {
		const framework = smallFramework();
		framework.areas[1].competences[1].code = 'a1.1';
		framework.areas[1].code = 'A1';
		expect(issuesOf(framework)).toEqual([
			{ path: ['areas', 1, 'code'], message: 'Der Code „A1“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.' },
			{
				path: ['areas', 1, 'competences', 1, 'code'],
				message: 'Der Code „a1.1“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.'
			}
		]);
	});

	it('requires titles in the framework languages only', () => {
		const framework = smallFramework();
		framework.meta.languages = ['de'];
		framework.areas[0].title_en = '';
		framework.areas[0].competences[0].title_de = '   ';
		expect(issuesOf(framework)).toEqual([
			{ path: ['areas', 0, 'competences', 0, 'title_de'], message: 'Der deutsche Titel fehlt.' }
		]);
	});

	it('limits titles to 200 characters on one line and descriptions to 2,000 characters', () => {
		const framework = smallFramework();
		framework.areas[0].title_de = 'x'.repeat(201);
		framework.areas[0].title_en = 'two\nlines';
		framework.areas[0].competences[0].description_en = 'y'.repeat(2001);
		framework.meta.name_de = '';
		expect(issuesOf(framework)).toEqual([
			{ path: ['meta', 'name_de'], message: 'Der deutsche Name fehlt.' },
			{ path: ['areas', 0, 'title_de'], message: 'Der deutsche Titel ist zu lang: 201 Zeichen, erlaubt sind höchstens 200.' },
			{ path: ['areas', 0, 'title_en'], message: 'Der englische Titel darf keinen Zeilenumbruch enthalten.' },
			{
				path: ['areas', 0, 'competences', 0, 'description_en'],
				message: 'Die englische Beschreibung ist zu lang: 2.001 Zeichen, erlaubt sind höchstens 2.000.'
			}
		]);
	});

	it('rejects duplicate positions, duplicate tags and malformed ESCO addresses', () => {
		const framework = smallFramework();
		framework.areas[1].position = framework.areas[0].position;
		framework.areas[0].competences[1].tags.principles = ['P1', 'P1'];
		framework.areas[0].competences[1].escoUri = 'https://esco.example/skill/1';
		expect(issuesOf(framework)).toEqual([
			{ path: ['areas', 1, 'position'], message: 'Die Position 0 ist doppelt vergeben.' },
			{ path: ['areas', 0, 'competences', 1, 'tags', 'principles'], message: 'Das Schlagwort „P1“ ist doppelt angegeben.' },
			{
				path: ['areas', 0, 'competences', 1, 'escoUri'],
				message: 'Die ESCO-Adresse „https://esco.example/skill/1“ ist ungültig. Sie hat die Form http://data.europa.eu/esco/skill/<Kennung>.'
			}
		]);
	});

	it('explains wrong types, unknown tags and unknown fields in German', () => {
		const framework = smallFramework();
		const raw = JSON.parse(JSON.stringify(framework));
		raw.areas[0].competences[0].tags.dimensions = ['grün'];
		raw.areas[0].position = 'eins';
		raw.areas[1].colour = 'blau';
		delete raw.meta.source_en;
		expect(issuesOf(raw)).toEqual([
			{ path: ['meta', 'source_en'], message: 'Das Feld fehlt.' },
			{ path: ['areas', 0, 'position'], message: 'Hier wird eine Zahl erwartet.' },
			{
				path: ['areas', 0, 'competences', 0, 'tags', 'dimensions', 0],
				message: 'Das Schlagwort „grün“ gibt es hier nicht. Erlaubt sind: just, green, productive.'
			},
			{ path: ['areas', 1], message: 'Unbekanntes Feld: „colour“.' }
		]);
	});

	it('requires at least one language', () => {
		const framework = smallFramework();
		framework.meta.languages = [];
		expect(issuesOf(framework)).toEqual([{ path: ['meta', 'languages'], message: 'Mindestens eine Sprache muss angegeben sein.' }]);
	});
});

describe('tags', () => {
	it('sorts keys into categories in vocabulary order and back', () => {
		const tags = tagsFromKeys(['land', 'P3', 'city', 'green', 'P1', 'P3']);
		expect(tags).toEqual({ principles: ['P1', 'P3'], dimensions: ['green'], levels: ['city'], fields: ['land'] });
		expect(tagKeysOf(tags)).toEqual(['P1', 'P3', 'green', 'city', 'land']);
	});
});
