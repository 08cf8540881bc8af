import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { exportSpreadsheetCsv, importSpreadsheetCsv } from './spreadsheet-csv';
import { activeOutline, frameworkArbitrary } from '../../../../tests/helpers/framework-arbitraries';
import { TAG_KEYS } from './vocabulary';

const HEADER = 'code;area;title_de;title_en;description_de;description_en;tags';
const ALLOWED = `${TAG_KEYS.join(', ')} und als Art knowledge oder skill`;

const file = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const AREA_ROW = 'A1;;Bereich;;;;';

/** Windows-1252 bytes for text made of Latin-1 letters, as German Excel writes "CSV (Trennzeichen-getrennt)". */
const windows1252 = (text: string) => new Uint8Array([...text].map((character) => character.charCodeAt(0)));

function errorsOf(input: string | Uint8Array) {
	const result = importSpreadsheetCsv(input);
	if (result.ok) throw new Error('Import should have failed');
	return result.errors;
}

describe('spreadsheet CSV export', () => {
	const text = exportSpreadsheetCsv(createDefaultFramework());
	const lines = text.split('\r\n');

	it('starts with a byte order mark and the header, separated by semicolons', () => {
		expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
	});

	it('writes an area row with an empty area column, then its competences with tags and type', () => {
		expect(lines[1]).toBe(
			'A1;;Gemeinwohl und öffentliche Werte;Common good and public values;' +
				'Stadtentwicklung dient allen Menschen in der Stadt. In diesem Bereich geht es um öffentliche Werte, faire Abwägung und den Blick auf morgen.;' +
				'Urban development serves everyone in the city. This area is about public values, fair balancing of interests and looking ahead.;'
		);
		expect(lines[2]).toBe(
			'A1.1;A1;Gemeinwohl verstehen;Understanding the common good;' +
				'Sie wissen, was Gemeinwohl in der Stadtentwicklung bedeutet und woran Sie es im Alltag erkennen.;' +
				'You know what the common good means in urban development and how to recognise it in daily work.;P1 just city knowledge'
		);
		expect(lines.length).toBe(1 + 8 + 43 + 1);
	});

	it('keeps spreadsheet programs from running texts as formulas', () => {
		const framework = createDefaultFramework();
		framework.areas[0].competences[0].title_de = '=HYPERLINK("http://example.org")';
		framework.areas[0].competences[0].description_de = "'-bereits geschützt";
		const row = exportSpreadsheetCsv(framework).split('\r\n')[2];
		expect(row).toContain(`;"'=HYPERLINK(""http://example.org"")";`);
		expect(row).toContain(`;''-bereits geschützt;`);
		const result = importSpreadsheetCsv(exportSpreadsheetCsv(framework));
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.framework.areas[0].competences[0]).toMatchObject({
			title_de: '=HYPERLINK("http://example.org")',
			description_de: "'-bereits geschützt"
		});
	});
});

describe('spreadsheet CSV round trip', () => {
	it('keeps everything the format carries, and a second export is identical', () => {
		fc.assert(
			fc.property(frameworkArbitrary, (framework) => {
				fc.pre(framework.areas.some((area) => !area.archived));
				const text = exportSpreadsheetCsv(framework);
				const result = importSpreadsheetCsv(new TextEncoder().encode(text));
				if (!result.ok) throw new Error(JSON.stringify(result.errors));
				expect(result.warnings).toEqual([]);
				expect(activeOutline(result.framework)).toEqual(activeOutline(framework));
				expect(exportSpreadsheetCsv(result.framework)).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('spreadsheet CSV import', () => {
	it('reads a Windows-1252 file with umlauts', () => {
		const text = file(HEADER, 'A1;;Öffentlicher Raum;;Plätze für Begegnung;;', 'A1.1;A1;Grünflächen planen;;Sie planen Grün für alle Bürger*innen.;;P5 green');
		const result = importSpreadsheetCsv(windows1252(text));
		expect(result).toMatchObject({
			ok: true,
			framework: {
				meta: { languages: ['de'] },
				areas: [
					{
						code: 'A1',
						title_de: 'Öffentlicher Raum',
						description_de: 'Plätze für Begegnung',
						competences: [{ code: 'A1.1', title_de: 'Grünflächen planen', description_de: 'Sie planen Grün für alle Bürger*innen.' }]
					}
				]
			},
			warnings: [
				{ message: 'Die Datei ist nicht als UTF-8 gespeichert und wurde als Windows-1252 gelesen. Bitte prüfen Sie die Umlaute in der Vorschau.' }
			]
		});
	});

	it('reads UTF-8 with byte order mark, commas as separator and columns in any order', () => {
		const text = `\uFEFF${file('Area,Code,Tags,Title_DE,Title_EN,Description_DE,Description_EN', ',A1,,Bereich,Area,,', 'A1,A1.1,"p1, JUST knowledge",Titel,Title,"Text; mit Semikolon",')}`;
		const result = importSpreadsheetCsv(text, { name: 'Aus Excel' });
		expect(result).toEqual({
			ok: true,
			warnings: [],
			framework: {
				meta: {
					code: 'IMPORT',
					name_de: 'Aus Excel',
					name_en: 'Aus Excel',
					description_de: '',
					description_en: '',
					source_de: '',
					source_en: '',
					languages: ['de', 'en']
				},
				areas: [
					{
						code: 'A1',
						title_de: 'Bereich',
						title_en: 'Area',
						description_de: '',
						description_en: '',
						position: 0,
						archived: false,
						competences: [
							{
								code: 'A1.1',
								title_de: 'Titel',
								title_en: 'Title',
								description_de: 'Text; mit Semikolon',
								description_en: '',
								type: 'knowledge',
								tags: { principles: ['P1'], dimensions: ['just'], levels: [], fields: [] },
								position: 0,
								archived: false
							}
						]
					}
				]
			}
		});
	});

	it('accepts competence rows before their area row and defaults the type to skill', () => {
		const result = importSpreadsheetCsv(file(HEADER, 'A1.1;A1;Kompetenz;;;;P3', AREA_ROW));
		expect(result).toMatchObject({ ok: true, framework: { areas: [{ code: 'A1', competences: [{ code: 'A1.1', type: 'skill' }] }] } });
	});

	it('skips rows that Excel leaves empty and warns about what it does not take over', () => {
		const result = importSpreadsheetCsv(file(`${HEADER};Notiz`, `${AREA_ROW};`, ';;;;;;;', 'A1.1;A1;Kompetenz;;;;P3;siehe Protokoll'));
		expect(result).toMatchObject({
			ok: true,
			warnings: [{ line: 1, column: 'Notiz', message: 'Zeile 1, Spalte „Notiz“: Die Spalte ist unbekannt und wird nicht übernommen.' }]
		});
		const withAreaTags = importSpreadsheetCsv(file(HEADER, 'A1;;Bereich;;;;P1'));
		expect(withAreaTags).toMatchObject({
			ok: true,
			warnings: [{ line: 2, column: 'tags', message: 'Zeile 2, Spalte „tags“: Bereiche haben keine Schlagwörter. Die Angaben werden nicht übernommen.' }]
		});
	});

	it('names the row and column of each problem in German', () => {
		const text = file(
			HEADER,
			AREA_ROW,
			'A1.1;A1;;;;;P1',
			'A1.2;A9;Ohne Bereich;;;;P1',
			'A1.3;A1.1;Unter Kompetenz;;;;P1',
			'A1.1;A1;Doppelt;;;;P1',
			`A1.4;A1;Zu lang;;${'x'.repeat(2001)};;P1`,
			'A1.5;A1;Schlagwort;;;;P1 grün gerecht',
			'A1.6;A1;Beides;;;;knowledge skill',
			'A1.7;A1;Kurz;;;'
		);
		expect(errorsOf(text)).toEqual([
			{ line: 3, column: 'title_de', message: 'Zeile 3, Spalte „title_de“: Der deutsche Titel fehlt.' },
			{ line: 4, column: 'area', message: 'Zeile 4, Spalte „area“: Den Bereich „A9“ gibt es in der Datei nicht.' },
			{
				line: 5,
				column: 'area',
				message:
					'Zeile 5, Spalte „area“: „A1.1“ ist eine Kompetenz und kein Bereich. Hier steht der Code des Bereichs, zu dem die Kompetenz gehört.'
			},
			{
				line: 6,
				column: 'code',
				message: 'Zeile 6, Spalte „code“: Der Code „A1.1“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.'
			},
			{
				line: 7,
				column: 'description_de',
				message: 'Zeile 7, Spalte „description_de“: Die deutsche Beschreibung ist zu lang: 2.001 Zeichen, erlaubt sind höchstens 2.000.'
			},
			{
				line: 8,
				column: 'tags',
				message: `Zeile 8, Spalte „tags“: Die Schlagwörter „grün“, „gerecht“ gibt es nicht. Erlaubt sind ${ALLOWED}.`
			},
			{ line: 9, column: 'tags', message: 'Zeile 9, Spalte „tags“: Geben Sie als Art nur knowledge oder skill an, nicht beides.' },
			{ line: 10, message: 'Zeile 10: Die Zeile hat 6 Spalten, die Kopfzeile hat 7.' }
		]);
	});

	it('reports a single unknown tag in the singular', () => {
		expect(errorsOf(file(HEADER, AREA_ROW, 'A1.1;A1;Titel;;;;klima'))).toEqual([
			{ line: 3, column: 'tags', message: `Zeile 3, Spalte „tags“: Das Schlagwort „klima“ gibt es nicht. Erlaubt sind ${ALLOWED}.` }
		]);
	});

	it('requires English titles everywhere once one row has one', () => {
		expect(errorsOf(file(HEADER, 'A1;;Bereich;Area;;;', 'A1.1;A1;Titel;;;;'))).toEqual([
			{ line: 3, column: 'title_en', message: 'Zeile 3, Spalte „title_en“: Der englische Titel fehlt.' }
		]);
	});

	it('notices a missing header and missing or doubled columns', () => {
		expect(errorsOf(file('A1;;Bereich;Area;;;', 'A1.1;A1;Titel;;;;'))).toEqual([
			{ line: 1, message: `Zeile 1: Die Kopfzeile fehlt. Die erste Zeile muss die Spaltennamen enthalten: ${HEADER}.` }
		]);
		expect(errorsOf(file('code;area;title_de;title_en;description_de;description_en', 'A1;;Bereich;;;'))).toEqual([
			{ line: 1, message: `Zeile 1: Die Spalte „tags“ fehlt. Erwartet werden die Spalten ${HEADER}.` }
		]);
		expect(errorsOf(file(`${HEADER};Code`, `${AREA_ROW};A1`))).toEqual([
			{ line: 1, column: 'Code', message: 'Zeile 1, Spalte „Code“: Die Spalte kommt doppelt vor.' }
		]);
	});

	it('rejects a file with only the header', () => {
		expect(errorsOf(file(HEADER))).toEqual([{ message: 'Die Datei enthält nur die Kopfzeile und keine Bereiche oder Kompetenzen.' }]);
	});

	it('reports a quote that is never closed', () => {
		expect(errorsOf(file(HEADER, AREA_ROW, 'A1.1;A1;"Titel;;;;'))).toEqual([
			{
				line: 3,
				message: 'Zeile 3: Ein Anführungszeichen wird nicht geschlossen. Jede Zelle, die mit „"“ beginnt, muss auch mit „"“ enden.'
			}
		]);
	});

	it('rejects empty, oversized and binary files', () => {
		expect(errorsOf('\uFEFF')).toEqual([{ message: 'Die Datei ist leer.' }]);
		expect(errorsOf(';;;;;;\r\n;;;;;;')).toEqual([{ message: 'Die Datei ist leer.' }]);
		expect(errorsOf(new Uint8Array(6 * 1024 * 1024).fill(0x3b))).toEqual([
			{ message: 'Die Datei ist zu groß: 6,0 MB. Erlaubt sind höchstens 5 MB.' }
		]);
		expect(errorsOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toMatchObject([
			{ message: expect.stringContaining('Die Datei ist keine Textdatei') }
		]);
	});
});
