import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { exportMoodleCsv, importMoodleCsv, MOODLE_COLUMNS, MOODLE_SCALE_CONFIGURATION } from './moodle-csv';
import { activeOutline, frameworkArbitrary } from '../../../../tests/helpers/framework-arbitraries';

type MoodleColumn = (typeof MOODLE_COLUMNS)[number];

const HEADER = MOODLE_COLUMNS.join(',');

/** Writes a row the simple way, quoting every cell, independent of the code under test. */
function row(values: Partial<Record<MoodleColumn, string>>): string {
	return MOODLE_COLUMNS.map((column) => `"${(values[column] ?? '').replace(/"/g, '""')}"`).join(',');
}

const FRAMEWORK_ROW = row({
	'ID number': 'RAHMEN',
	'Short name': 'Stadt gemeinsam machen',
	Description: 'Unser Rahmen',
	'Description format': '1',
	'Scale values': 'nicht vorhanden,vorhanden',
	'Scale configuration': MOODLE_SCALE_CONFIGURATION,
	'Is framework': '1',
	Taxonomy: 'domain,competency'
});

const competency = (parent: string, code: string, title: string, description = '') =>
	row({ 'Parent ID number': parent, 'ID number': code, 'Short name': title, Description: description, 'Description format': '1' });

const file = (...lines: string[]) => `${lines.join('\n')}\n`;

function errorsOf(input: string | Uint8Array) {
	const result = importMoodleCsv(input, 'de');
	if (result.ok) throw new Error('Import should have failed');
	return result.errors;
}

describe('Moodle CSV export', () => {
	const framework = createDefaultFramework();
	const text = exportMoodleCsv(framework, 'de');
	const rows: string[][] = parse(text);

	it('starts with Moodle’s 14 column names and the framework row', () => {
		const [firstLine, secondLine] = text.split('\n');
		expect(firstLine).toBe(HEADER);
		expect(secondLine).toBe(
			',STADTWISSEN-NLC,Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta,' +
				'"Was Verwaltung, Kommunalpolitik und Stadtgesellschaft wissen und können sollten, um ihre Stadt gemeinsam, gemeinwohlorientiert und integriert zu entwickeln.",' +
				'1,"nicht vorhanden,vorhanden","[{""scaleid"":""2""},{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1}]",,,,,,1,"domain,competency"'
		);
	});

	it('writes every area as a top-level competency followed by its competences, 14 columns each', () => {
		expect(rows.every((cells) => cells.length === 14)).toBe(true);
		expect(rows.slice(2, 7).map((cells) => cells.slice(0, 3))).toEqual([
			['', 'A1', 'Gemeinwohl und öffentliche Werte'],
			['A1', 'A1.1', 'Gemeinwohl verstehen'],
			['A1', 'A1.2', 'Interessen fair abwägen'],
			['A1', 'A1.3', 'Entscheidungen nachvollziehbar machen'],
			['A1', 'A1.4', 'Langfristig denken']
		]);
		expect(rows.length).toBe(2 + 8 + 43);
		expect(text.endsWith('\n')).toBe(true);
	});

	it('writes competency rows without rules, like Moodle does', () => {
		expect(rows[3]).toEqual([
			'A1',
			'A1.1',
			'Gemeinwohl verstehen',
			'Sie wissen, was Gemeinwohl in der Stadtentwicklung bedeutet und woran Sie es im Alltag erkennen.',
			'1',
			'',
			'',
			'',
			'0',
			'null',
			'',
			'',
			'',
			''
		]);
	});

	it('writes English texts and scale for an English export', () => {
		const english: string[][] = parse(exportMoodleCsv(framework, 'en'));
		expect(english[1].slice(1, 3)).toEqual(['STADTWISSEN-NLC', 'Integrated urban development under the New Leipzig Charter']);
		expect(english[1][5]).toBe('not yet competent,competent');
		expect(english[3][2]).toBe('Understanding the common good');
	});

	it('writes descriptions as escaped HTML with <br> for line breaks', () => {
		const edited = createDefaultFramework();
		edited.areas[0].competences[0].description_de = 'Fläche < 5 ha & "grün"\nzweite Zeile';
		const cells: string[][] = parse(exportMoodleCsv(edited, 'de'));
		expect(cells[3][3]).toBe('Fläche &lt; 5 ha &amp; &quot;grün&quot;<br>zweite Zeile');
	});

	it('leaves out archived areas and competences', () => {
		const edited = createDefaultFramework();
		edited.areas[1].archived = true;
		edited.areas[0].competences[2].archived = true;
		const codes = (parse(exportMoodleCsv(edited, 'de')) as string[][]).map((cells) => cells[1]);
		expect(codes).not.toContain('A2');
		expect(codes).not.toContain('A2.1');
		expect(codes).not.toContain('A1.3');
		expect(codes).toContain('A1.4');
	});

	it('refuses a language the framework has no texts in', () => {
		const germanOnly = createDefaultFramework();
		germanOnly.meta.languages = ['de'];
		expect(() => exportMoodleCsv(germanOnly, 'en')).toThrow('Der Kompetenzrahmen enthält keine Texte in der Sprache „en“.');
	});
});

describe('Moodle CSV round trip', () => {
	it('reads the default framework back with codes, hierarchy and German texts', () => {
		const framework = createDefaultFramework();
		const text = exportMoodleCsv(framework, 'de');
		const result = importMoodleCsv(text, 'de');
		expect(result).toMatchObject({ ok: true, warnings: [] });
		if (!result.ok) return;
		expect(result.framework.meta).toEqual({
			code: 'STADTWISSEN-NLC',
			name_de: framework.meta.name_de,
			name_en: '',
			description_de: framework.meta.description_de,
			description_en: '',
			source_de: '',
			source_en: '',
			languages: ['de']
		});
		const german = ({ code, title_de, description_de }: { code: string; title_de: string; description_de: string }) => ({
			code,
			title_de,
			description_de
		});
		expect(result.framework.areas.map((area) => ({ ...german(area), competences: area.competences.map(german) }))).toEqual(
			framework.areas.map((area) => ({ ...german(area), competences: area.competences.map(german) }))
		);
		expect(exportMoodleCsv(result.framework, 'de')).toBe(text);
	});

	it('export → import → export is byte-identical and keeps codes, hierarchy and texts', () => {
		fc.assert(
			fc.property(frameworkArbitrary, (framework) => {
				for (const language of framework.meta.languages) {
					const text = exportMoodleCsv(framework, language);
					const result = importMoodleCsv(new TextEncoder().encode(text), language);
					if (!result.ok) throw new Error(JSON.stringify(result.errors));
					expect(result.warnings).toEqual([]);
					expect(exportMoodleCsv(result.framework, language)).toBe(text);

					const inLanguage = (outline: ReturnType<typeof activeOutline>) =>
						outline.map((area) => ({
							code: area.code,
							title: area[`title_${language}`],
							description: area[`description_${language}`],
							competences: area.competences.map((item) => [item.code, item[`title_${language}`], item[`description_${language}`]])
						}));
					expect(inLanguage(activeOutline(result.framework))).toEqual(inLanguage(activeOutline(framework)));
					expect(result.framework.meta[`name_${language}`]).toBe(framework.meta[`name_${language}`]);
					expect(result.framework.meta[`description_${language}`]).toBe(framework.meta[`description_${language}`]);
				}
			}),
			{ numRuns: 200 }
		);
	});
});

describe('Moodle CSV import', () => {
	it('reads a file as Moodle writes it: HTML, rules, children before parents and a third level', () => {
		const moodleFile = [
			'Übergeordnete ID-Nummer,ID-Nummer,Kurzname,Beschreibung,Beschreibungsformat,Skalenwerte,Skalenkonfiguration,Regeltyp,Regelergebnis,Regelkonfiguration,Querverweise,Exportierte ID,Ist Kompetenzrahmen,Taxonomie',
			row({ 'Parent ID number': 'dom-1', 'ID number': 'comp-1', 'Short name': 'Zuhören', 'Description format': '1', 'Rule outcome': '0', 'Rule config': 'null', 'Exported ID': '12' }),
			row({
				'ID number': 'fw',
				'Short name': 'Moodle-Rahmen',
				Description: '<p>Ein <b>Rahmen</b></p>',
				'Description format': '1',
				'Scale values': 'Not yet competent,Competent',
				'Scale configuration': MOODLE_SCALE_CONFIGURATION,
				'Is framework': '1',
				Taxonomy: 'competency,competency,competency'
			}),
			row({ 'ID number': 'dom-1', 'Short name': 'Kommunikation', Description: 'Gut reden &amp; zuhören', 'Description format': '1', 'Exported ID': '11' }),
			row({
				'Parent ID number': 'comp-1',
				'ID number': 'comp-1a',
				'Short name': 'Aktiv zuhören',
				Description: 'Zeile eins\nZeile zwei',
				'Description format': '0',
				'Rule type': 'core_competency\\competency_rule_all',
				'Cross-referenced competency ID numbers': 'dom-1',
				'Exported ID': '13'
			})
		].join('\r\n');

		const result = importMoodleCsv(moodleFile, 'de');
		expect(result).toEqual({
			ok: true,
			framework: {
				meta: {
					code: 'fw',
					name_de: 'Moodle-Rahmen',
					name_en: '',
					description_de: 'Ein Rahmen',
					description_en: '',
					source_de: '',
					source_en: '',
					languages: ['de']
				},
				areas: [
					{
						code: 'dom-1',
						title_de: 'Kommunikation',
						title_en: '',
						description_de: 'Gut reden & zuhören',
						description_en: '',
						position: 0,
						archived: false,
						competences: [
							{
								code: 'comp-1',
								title_de: 'Zuhören',
								title_en: '',
								description_de: '',
								description_en: '',
								type: 'skill',
								tags: { principles: [], dimensions: [], levels: [], fields: [] },
								position: 0,
								archived: false
							},
							{
								code: 'comp-1a',
								title_de: 'Aktiv zuhören',
								title_en: '',
								description_de: 'Zeile eins\nZeile zwei',
								description_en: '',
								type: 'skill',
								tags: { principles: [], dimensions: [], levels: [], fields: [] },
								position: 1,
								archived: false
							}
						]
					}
				]
			},
			warnings: [
				{ line: 1, message: 'Zeile 1: Die Spaltennamen weichen von Moodles Vorlage ab. Die Spalten werden in Moodles Reihenfolge gelesen.' },
				{
					line: 3,
					column: 'Description',
					message: 'Zeile 3, Spalte „Description“: Die HTML-Formatierung wird entfernt, übernommen wird nur der Text.'
				},
				{
					line: 3,
					column: 'Scale values',
					message:
						'Zeile 3, Spalte „Scale values“: Die Bewertungsskala wird nicht übernommen. Beim Export nach Moodle schreibt Stadtwissen „nicht vorhanden,vorhanden“.'
				},
				{
					line: 5,
					column: 'Rule type',
					message: 'Zeile 5, Spalte „Rule type“: Regeln zum Abschließen einer Kompetenz werden nicht übernommen.'
				},
				{
					line: 5,
					column: 'Cross-referenced competency ID numbers',
					message: 'Zeile 5, Spalte „Cross-referenced competency ID numbers“: Verweise auf verwandte Kompetenzen werden nicht übernommen.'
				},
				{
					line: 5,
					column: 'Parent ID number',
					message: 'Zeile 5, Spalte „Parent ID number“: Stadtwissen kennt nur zwei Ebenen. Die Kompetenz wird direkt dem Bereich „dom-1“ zugeordnet.'
				}
			]
		});
	});

	it('reads a Windows-1252 file with semicolons, as German Excel saves it', () => {
		const text = file(
			HEADER.replace(/,/g, ';'),
			';RAHMEN;Straßen und Plätze;;1;;;;;;;;1;',
			';A1;Öffentlicher Raum;Grünflächen für alle – auch im Quartier;1;;;;;;;;;'
		);
		const bytes = new Uint8Array([...text].map((character) => (character === '–' ? 0x96 : character.charCodeAt(0))));
		const result = importMoodleCsv(bytes, 'de');
		expect(result).toMatchObject({
			ok: true,
			framework: {
				meta: { name_de: 'Straßen und Plätze' },
				areas: [{ code: 'A1', title_de: 'Öffentlicher Raum', description_de: 'Grünflächen für alle – auch im Quartier' }]
			}
		});
	});

	it('names the row and column of each problem in German', () => {
		const text = file(
			HEADER,
			FRAMEWORK_ROW,
			competency('', 'A1', 'Bereich eins'),
			competency('A1', 'A1.1', ''),
			competency('A9', 'A9.1', 'Ohne Bereich'),
			competency('A1', 'A1.1', 'Doppelt'),
			competency('A1', 'A1.2', 'Zu lang', 'x'.repeat(2001)),
			competency('A1', 'A1 3', 'Leerzeichen im Code'),
			competency('A1', 'A1.4', 'T'.repeat(201))
		);
		expect(errorsOf(text)).toEqual([
			{ line: 4, column: 'Short name', message: 'Zeile 4, Spalte „Short name“: Der deutsche Titel fehlt.' },
			{
				line: 5,
				column: 'Parent ID number',
				message: 'Zeile 5, Spalte „Parent ID number“: Die übergeordnete Kompetenz „A9“ gibt es in der Datei nicht.'
			},
			{
				line: 6,
				column: 'ID number',
				message: 'Zeile 6, Spalte „ID number“: Der Code „A1.1“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.'
			},
			{
				line: 7,
				column: 'Description',
				message: 'Zeile 7, Spalte „Description“: Die deutsche Beschreibung ist zu lang: 2.001 Zeichen, erlaubt sind höchstens 2.000.'
			},
			{
				line: 8,
				column: 'ID number',
				message:
					'Zeile 8, Spalte „ID number“: Der Code „A1 3“ ist ungültig. Erlaubt sind Buchstaben, Ziffern, Binde- und Unterstriche, getrennt durch Punkte, zum Beispiel „A3.2“.'
			},
			{
				line: 9,
				column: 'Short name',
				message: 'Zeile 9, Spalte „Short name“: Der deutsche Titel ist zu lang: 201 Zeichen, erlaubt sind höchstens 200.'
			}
		]);
	});

	it('counts rows like a spreadsheet, so a line break inside a cell does not shift the numbers', () => {
		const text = file(HEADER, FRAMEWORK_ROW, competency('', 'A1', 'Bereich', 'zwei\nZeilen'), competency('A1', 'A1.1', ' '));
		expect(errorsOf(text)).toEqual([{ line: 4, column: 'Short name', message: 'Zeile 4, Spalte „Short name“: Der deutsche Titel fehlt.' }]);
	});

	it('requires the header with 14 columns', () => {
		const shortHeader = MOODLE_COLUMNS.slice(0, 13).join(',');
		expect(errorsOf(file(shortHeader, FRAMEWORK_ROW))).toEqual([
			{
				line: 1,
				message: `Zeile 1: Die Kopfzeile hat 13 Spalten, erwartet werden 14: ${MOODLE_COLUMNS.join(', ')}.`
			}
		]);
	});

	it('notices a missing header', () => {
		expect(errorsOf(file(FRAMEWORK_ROW, competency('', 'A1', 'Bereich')))).toEqual([
			{ line: 1, message: `Zeile 1: Die Kopfzeile fehlt. Die erste Zeile muss die Spaltennamen enthalten: ${MOODLE_COLUMNS.join(', ')}.` }
		]);
	});

	it('rejects rows with the wrong number of columns', () => {
		expect(errorsOf(file(HEADER, FRAMEWORK_ROW, ',A1,Bereich,,1,,,,0,null,,,'))).toEqual([
			{ line: 3, message: 'Zeile 3: Die Zeile hat 13 Spalten, erwartet werden 14.' }
		]);
	});

	it('requires exactly one framework row', () => {
		expect(errorsOf(file(HEADER, competency('', 'A1', 'Bereich')))).toEqual([
			{ message: 'Die Zeile für den Kompetenzrahmen selbst fehlt. Sie hat in der Spalte „Is framework“ den Wert 1.' }
		]);
		expect(errorsOf(file(HEADER, FRAMEWORK_ROW, competency('', 'A1', 'Bereich'), FRAMEWORK_ROW))).toEqual([
			{
				line: 4,
				column: 'Is framework',
				message: 'Zeile 4, Spalte „Is framework“: Die Datei enthält schon in Zeile 2 einen Kompetenzrahmen. Erlaubt ist nur einer.'
			}
		]);
	});

	it('requires the framework’s name', () => {
		const unnamed = row({ 'ID number': 'RAHMEN', 'Is framework': '1' });
		expect(errorsOf(file(HEADER, unnamed))).toEqual([
			{ line: 2, column: 'Short name', message: 'Zeile 2, Spalte „Short name“: Der deutsche Name fehlt.' }
		]);
	});

	it('rejects parents that point at each other', () => {
		expect(errorsOf(file(HEADER, FRAMEWORK_ROW, competency('B', 'A', 'Eins'), competency('A', 'B', 'Zwei')))).toEqual([
			{ line: 3, column: 'Parent ID number', message: 'Zeile 3, Spalte „Parent ID number“: Die übergeordneten Kompetenzen verweisen im Kreis aufeinander.' },
			{ line: 4, column: 'Parent ID number', message: 'Zeile 4, Spalte „Parent ID number“: Die übergeordneten Kompetenzen verweisen im Kreis aufeinander.' }
		]);
	});

	it('reports a quote that is never closed', () => {
		expect(errorsOf(`${HEADER}\n${FRAMEWORK_ROW}\n,A1,"Bereich ohne Ende,,1,,,,0,null,,,,\n`)).toEqual([
			{
				line: 3,
				message: 'Zeile 3: Ein Anführungszeichen wird nicht geschlossen. Jede Zelle, die mit „"“ beginnt, muss auch mit „"“ enden.'
			}
		]);
	});

	it('rejects empty, oversized and wrongly encoded files', () => {
		expect(errorsOf('')).toEqual([{ message: 'Die Datei ist leer.' }]);
		expect(errorsOf(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x2c))).toEqual([
			{ message: 'Die Datei ist zu groß: 5,1 MB. Erlaubt sind höchstens 5 MB.' }
		]);
		expect(errorsOf(new Uint8Array([0xef, 0xbb, 0xbf, 0xfc]))).toEqual([
			{ message: 'Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen. Bitte speichern Sie sie neu als UTF-8.' }
		]);
	});
});
