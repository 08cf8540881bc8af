import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { exportFrameworkJson, importFrameworkJson } from './json-codec';
import { frameworkArbitrary } from '../../../../tests/helpers/framework-arbitraries';

const framework = createDefaultFramework();

function errorsOf(input: string) {
	const result = importFrameworkJson(input);
	if (result.ok) throw new Error('Import should have failed');
	return result.errors;
}

function editedExport(edit: (document: ReturnType<typeof JSON.parse>) => void): string {
	const document = JSON.parse(exportFrameworkJson(framework));
	edit(document);
	return JSON.stringify(document, null, 2);
}

describe('JSON export', () => {
	it('wraps the framework in a format marker and version and ends with a line break', () => {
		const text = exportFrameworkJson(framework);
		expect(text.startsWith('{\n  "format": "stadtwissen-framework",\n  "version": 1,\n  "meta": {\n    "code": "STADTWISSEN-NLC",')).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('writes keys in a fixed order whatever order the objects had', () => {
		const reordered = createDefaultFramework();
		const [first] = reordered.areas;
		const { competences, code, ...rest } = first;
		reordered.areas[0] = { competences, ...rest, code };
		expect(exportFrameworkJson(reordered)).toBe(exportFrameworkJson(framework));
	});

	it('omits an absent ESCO URI and keeps a present one', () => {
		const withEsco = createDefaultFramework();
		withEsco.areas[0].competences[0].escoUri = 'http://data.europa.eu/esco/skill/0e2d5c1c-5a2e-4b8c-9f1e-2a1b3c4d5e6f';
		expect(exportFrameworkJson(framework)).not.toContain('escoUri');
		expect(exportFrameworkJson(withEsco)).toContain('"escoUri": "http://data.europa.eu/esco/skill/0e2d5c1c-5a2e-4b8c-9f1e-2a1b3c4d5e6f"');
	});
});

describe('instrument kind and first steps', () => {
	it('writes no kind for a competence framework, so files from before the field stay byte for byte the same', () => {
		expect(exportFrameworkJson(framework)).not.toContain('"kind"');
	});

	it('keeps a conditions catalogue a conditions catalogue, with first steps and sources, through export and import', () => {
		const catalogue = createDefaultFramework();
		catalogue.meta.kind = 'conditions';
		Object.assign(catalogue.areas[0].competences[0], { firstSteps_de: 'Benennen Sie eine Person.', firstSteps_en: 'Name a person.', source_de: 'BauGB § 11', source_en: 'Federal Building Code § 11' });
		const text = exportFrameworkJson(catalogue);
		const result = importFrameworkJson(text);
		expect(result).toEqual({ ok: true, framework: catalogue, warnings: [] });
		if (result.ok) expect(exportFrameworkJson(result.framework)).toBe(text);
	});

	it('rejects an unknown kind in plain German', () => {
		const errors = errorsOf(editedExport((document) => (document.meta.kind = 'survey')));
		expect(errors[0].message).toContain('Erlaubt sind die Arten „competences“ (Kompetenzrahmen) und „conditions“ (Rahmenbedingungen).');
	});
});

describe('JSON import', () => {
	it('reads the default framework back unchanged', () => {
		expect(importFrameworkJson(exportFrameworkJson(framework))).toEqual({ ok: true, framework, warnings: [] });
	});

	it('reads bytes with a byte order mark', () => {
		const bytes = new TextEncoder().encode(`\uFEFF${exportFrameworkJson(framework)}`);
		expect(importFrameworkJson(bytes)).toMatchObject({ ok: true, framework });
	});

	it('round-trips any valid framework losslessly', () => {
		fc.assert(
			fc.property(frameworkArbitrary, (generated) => {
				const text = exportFrameworkJson(generated);
				const result = importFrameworkJson(text);
				expect(result).toEqual({ ok: true, framework: generated, warnings: [] });
				if (result.ok) expect(exportFrameworkJson(result.framework)).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});

	it('reads a JSON file saved as UTF-16 (Windows editors) instead of advising to save a table as CSV', () => {
		const text = exportFrameworkJson(createDefaultFramework());
		const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
		const be = new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(text, 'utf16le').swap16())]);
		for (const bytes of [le, be]) {
			const result = importFrameworkJson(bytes);
			expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
			if (result.ok) expect(result.framework).toEqual(createDefaultFramework());
		}
		const binary = importFrameworkJson(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
		expect(JSON.stringify(binary)).not.toContain('CSV');
	});

	it('reports invalid JSON with its line', () => {
		expect(errorsOf('{\n  "format": "stadtwissen-framework",\n  "version": 1,\n}')).toEqual([
			{ line: 4, message: 'Zeile 4: Die Datei ist kein gültiges JSON.' }
		]);
	});

	it('rejects JSON that is not an object', () => {
		expect(errorsOf('[1, 2]')).toEqual([{ message: 'Die Datei enthält kein JSON-Objekt.' }]);
	});

	it('rejects files of another format', () => {
		expect(errorsOf('{"format": "moodle", "version": 1}')).toEqual([
			{
				path: 'format',
				message: 'Die Datei ist kein Stadtwissen-Kompetenzrahmen: Das Feld „format“ muss „stadtwissen-framework“ lauten.'
			}
		]);
	});

	it('rejects versions it does not know', () => {
		expect(errorsOf('{"format": "stadtwissen-framework", "version": 2}')).toEqual([
			{ path: 'version', message: 'Die Formatversion 2 wird nicht unterstützt. Diese Version von Stadtwissen liest Version 1.' }
		]);
	});

	it('reports structural problems first, naming the competence by its code', () => {
		const text = editedExport((document) => {
			document.areas[0].competences[1].code = 'A1.1';
			document.areas[2].title_de = '';
			document.areas[2].competences[0].tags.principles.push('P9');
			document.meta.extra = true;
		});
		expect(errorsOf(text)).toEqual([
			{ path: 'meta', message: 'Angaben zum Kompetenzrahmen: Unbekanntes Feld: „extra“.' },
			{
				path: 'areas[2].competences[0].tags.principles[1]',
				message:
					'Kompetenz „A3.1“, Feld „tags.principles[1]“: Das Schlagwort „P9“ gibt es hier nicht. Erlaubt sind: P1, P2, P3, P4, P5.'
			}
		]);
	});

	it('reports content problems once the structure is right', () => {
		const text = editedExport((document) => {
			document.areas[0].competences[1].code = 'A1.1';
			document.areas[2].title_de = '';
			document.areas[3].competences[0].description_en = 'x'.repeat(2001);
		});
		expect(errorsOf(text)).toEqual([
			{
				path: 'areas[0].competences[1].code',
				message: 'Kompetenz „A1.1“, Feld „code“: Der Code „A1.1“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.'
			},
			{ path: 'areas[2].title_de', message: 'Bereich „A3“, Feld „title_de“: Der deutsche Titel fehlt.' },
			{
				path: 'areas[3].competences[0].description_en',
				message: 'Kompetenz „A4.1“, Feld „description_en“: Die englische Beschreibung ist zu lang: 2.001 Zeichen, erlaubt sind höchstens 2.000.'
			}
		]);
	});

	it('numbers items without a usable code', () => {
		const text = editedExport((document) => {
			document.areas[1].competences[2].code = 7;
		});
		expect(errorsOf(text)).toEqual([
			{
				path: 'areas[1].competences[2].code',
				message: 'Kompetenz Nr. 3 im Bereich Nr. 2, Feld „code“: Hier wird ein Text erwartet.'
			}
		]);
	});

	it('rejects an empty file', () => {
		expect(errorsOf('')).toEqual([{ message: 'Die Datei ist leer.' }]);
	});
});
