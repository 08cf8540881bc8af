import { describe, expect, it } from 'vitest';
import { decodeImportInput, detectSeparator, MAX_IMPORT_BYTES } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
/** Windows-1252 encodes Latin-1 letters as single bytes; enough for German umlauts and ß. */
const windows1252 = (text: string) => new Uint8Array([...text].map((character) => character.charCodeAt(0)));

describe('decodeImportInput', () => {
	it('reads UTF-8 without byte order mark', () => {
		expect(decodeImportInput(utf8('Straße;Öffentlichkeit'))).toEqual({
			ok: true,
			text: 'Straße;Öffentlichkeit',
			encoding: 'utf-8',
			warnings: []
		});
	});

	it('removes the UTF-8 byte order mark', () => {
		const decoded = decodeImportInput(withBom(utf8('Grün')));
		expect(decoded).toMatchObject({ ok: true, text: 'Grün', encoding: 'utf-8' });
	});

	it('removes a byte order mark from text input as well', () => {
		expect(decodeImportInput('\uFEFFcode;area')).toMatchObject({ ok: true, text: 'code;area' });
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8 and says so', () => {
		const decoded = decodeImportInput(windows1252('Bürger*innen; Maßnahmen für Grünflächen'));
		expect(decoded).toEqual({
			ok: true,
			text: 'Bürger*innen; Maßnahmen für Grünflächen',
			encoding: 'windows-1252',
			warnings: [
				{
					message:
						'Die Datei ist nicht als UTF-8 gespeichert und wurde als Windows-1252 gelesen. Bitte prüfen Sie die Umlaute in der Vorschau.'
				}
			]
		});
	});

	it('decodes the Windows-1252 euro sign and typographic quotes', () => {
		const decoded = decodeImportInput(new Uint8Array([0x80, 0x20, 0x84, 0x61, 0x93]));
		expect(decoded).toMatchObject({ ok: true, text: '€ „a“' });
	});

	it('rejects files over 5 MB', () => {
		const bytes = new Uint8Array(MAX_IMPORT_BYTES + 100 * 1024).fill(0x61);
		expect(decodeImportInput(bytes)).toEqual({
			ok: false,
			errors: [{ message: 'Die Datei ist zu groß: 5,1 MB. Erlaubt sind höchstens 5 MB.' }]
		});
	});

	it('accepts a file of exactly 5 MB', () => {
		expect(decodeImportInput(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61))).toMatchObject({ ok: true });
	});

	it.each([
		['no bytes', new Uint8Array()],
		['only a byte order mark', withBom(new Uint8Array())],
		['only blank lines', utf8(' \r\n\n ')]
	])('rejects an empty file with %s', (_case, bytes) => {
		expect(decodeImportInput(bytes)).toEqual({ ok: false, errors: [{ message: 'Die Datei ist leer.' }] });
	});

	it('rejects UTF-16 text and names the format to use instead', () => {
		expect(decodeImportInput(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({
			ok: false,
			errors: [
				{
					message:
						'Die Datei ist im Format UTF-16 gespeichert. Speichern Sie die Tabelle bitte als „CSV UTF-8 (durch Trennzeichen getrennt)“.'
				}
			]
		});
	});

	it('rejects binary files such as Excel workbooks', () => {
		const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
		expect(decodeImportInput(zipHeader)).toEqual({
			ok: false,
			errors: [
				{
					message:
						'Die Datei ist keine Textdatei, vielleicht eine Excel-Arbeitsmappe. Speichern Sie die Tabelle bitte als „CSV UTF-8 (durch Trennzeichen getrennt)“.'
				}
			]
		});
	});

	it('rejects a file marked as UTF-8 that contains invalid bytes', () => {
		expect(decodeImportInput(withBom(windows1252('Grün')))).toEqual({
			ok: false,
			errors: [{ message: 'Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen. Bitte speichern Sie sie neu als UTF-8.' }]
		});
	});
});

describe('detectSeparator', () => {
	it('takes the separator that is more frequent in the header line', () => {
		expect(detectSeparator('code;area;title_de\nA1,x,y,z', ',')).toBe(';');
		expect(detectSeparator('Parent ID number,ID number,Short name;x', ';')).toBe(',');
	});

	it('ignores separators inside quotes', () => {
		expect(detectSeparator('"a;b;c",d\n', ';')).toBe(',');
	});

	it('falls back to the preferred separator for a single column', () => {
		expect(detectSeparator('code\nA1', ';')).toBe(';');
		expect(detectSeparator('code\nA1', ',')).toBe(',');
	});
});
