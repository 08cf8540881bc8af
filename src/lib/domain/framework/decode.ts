import type { ImportIssue } from './import-result';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type DecodedInput =
	| { ok: true; text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252'; warnings: ImportIssue[] }
	| { ok: false; errors: ImportIssue[] };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

const megabytes = (byteCount: number) =>
	new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
		Math.ceil((byteCount / 1024 / 1024) * 10) / 10
	);

/*
 * Bytes 0x80–0x9F of Windows-1252. Node's TextDecoder('windows-1252') decodes them as Latin-1
 * control characters, which would lose €, „“ and – from every Excel file, so the table is ours.
 */
const WINDOWS_1252_HIGH_CONTROLS =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	return Array.from(bytes, (byte) =>
		byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH_CONTROLS[byte - 0x80] : String.fromCharCode(byte)
	).join('');
}

const failure = (message: string): DecodedInput => ({ ok: false, errors: [{ message }] });

const SAVE_AS_CSV_HINT = 'Speichern Sie die Tabelle bitte als „CSV UTF-8 (durch Trennzeichen getrennt)“.';

/**
 * Turns an uploaded file into text. Files without a byte order mark that are not valid UTF-8 are
 * read as Windows-1252, because that is what German Excel writes when saving as plain "CSV".
 * `kind` says what the file should be, so that advice fits it: a table is to be saved as CSV UTF-8;
 * a JSON file in UTF-16 (with its byte order mark, as Windows editors write it) is simply read.
 */
export function decodeImportInput(input: Uint8Array | string, kind: 'table' | 'json' = 'table'): DecodedInput {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	if (bytes.length > MAX_IMPORT_BYTES) {
		return failure(`Die Datei ist zu groß: ${megabytes(bytes.length)} MB. Erlaubt sind höchstens 5 MB.`);
	}
	const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
	let decoded: { text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252' };
	if (utf16 && kind === 'json') {
		try {
			decoded = { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16' };
		} catch {
			return failure('Die Datei ist als UTF-16 gekennzeichnet, enthält aber ungültige Zeichen. Bitte speichern Sie die JSON-Datei neu, am besten als UTF-8.');
		}
	} else if (utf16) {
		return failure(`Die Datei ist im Format UTF-16 gespeichert. ${SAVE_AS_CSV_HINT}`);
	} else if (bytes.includes(0)) {
		return failure(
			kind === 'json'
				? 'Die Datei ist keine Textdatei. Bitte wählen Sie eine JSON-Datei, wie sie der Export von Stadtwissen schreibt.'
				: `Die Datei ist keine Textdatei, vielleicht eine Excel-Arbeitsmappe. ${SAVE_AS_CSV_HINT}`
		);
	} else if (startsWith(bytes, UTF8_BOM)) {
		try {
			decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
		} catch {
			return failure('Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen. Bitte speichern Sie sie neu als UTF-8.');
		}
	} else {
		try {
			decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
		} catch {
			decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
		}
	}

	if (decoded.text.trim() === '') return failure('Die Datei ist leer.');
	const warnings: ImportIssue[] =
		decoded.encoding === 'windows-1252'
			? [{ message: 'Die Datei ist nicht als UTF-8 gespeichert und wurde als Windows-1252 gelesen. Bitte prüfen Sie die Umlaute in der Vorschau.' }]
			: [];
	return { ok: true, ...decoded, warnings };
}

export type Separator = ';' | ',';

/** Picks the separator that occurs more often in the header line, outside quotes. */
export function detectSeparator(text: string, preferred: Separator): Separator {
	let semicolons = 0;
	let commas = 0;
	let insideQuotes = false;
	for (const character of text) {
		if (character === '"') insideQuotes = !insideQuotes;
		else if (!insideQuotes && (character === '\n' || character === '\r')) break;
		else if (!insideQuotes && character === ';') semicolons++;
		else if (!insideQuotes && character === ',') commas++;
	}
	if (semicolons === commas) return preferred;
	return semicolons > commas ? ';' : ',';
}
