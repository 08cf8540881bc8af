import { parseCsv, writeCsv, type CsvRow } from './csv';
import { decodeImportInput, detectSeparator } from './decode';
import { issueAt, type ImportIssue, type ImportResult } from './import-result';
import { byLine, locateFrameworkIssue, type SourceRows } from './issue-location';
import {
	activeInOrder,
	LANGUAGES,
	tagKeysOf,
	tagsFromKeys,
	validateFramework,
	type Area,
	type Competence,
	type CompetenceTags,
	type FrameworkDocument,
	type Language
} from './model';
import { COMPETENCE_TYPE_KEYS, TAG_KEYS, type CompetenceType } from './vocabulary';
import { protectFromFormula, unprotectFormula } from '../../format/spreadsheet';

export const SPREADSHEET_COLUMNS = ['code', 'area', 'title_de', 'title_en', 'description_de', 'description_en', 'tags'] as const;
type SpreadsheetColumn = (typeof SPREADSHEET_COLUMNS)[number];

const BYTE_ORDER_MARK = '\uFEFF';
const DEFAULT_TYPE: CompetenceType = 'skill';

function tagsCell(competence: Competence): string {
	return [...tagKeysOf(competence.tags), competence.type].join(' ');
}

/**
 * UTF-8 with byte order mark, `;` as separator and CRLF line breaks, so German Excel opens it
 * with a double click. Archived areas and competences and ESCO URIs are not part of this format.
 */
export function exportSpreadsheetCsv(framework: FrameworkDocument): string {
	const rows: string[][] = [[...SPREADSHEET_COLUMNS]];
	const texts = (item: Area | Competence) =>
		[item.title_de, item.title_en, item.description_de, item.description_en].map(protectFromFormula);
	for (const area of activeInOrder(framework.areas)) {
		rows.push([area.code, '', ...texts(area), '']);
		for (const competence of activeInOrder(area.competences)) {
			rows.push([competence.code, area.code, ...texts(competence), tagsCell(competence)]);
		}
	}
	return BYTE_ORDER_MARK + writeCsv(rows, ';', '\r\n');
}

const ALLOWED_TAGS_TEXT = `${TAG_KEYS.join(', ')} und als Art ${COMPETENCE_TYPE_KEYS.join(' oder ')}`;

function findKey<Key extends string>(keys: readonly Key[], token: string): Key | undefined {
	return keys.find((key) => key.toLowerCase() === token.toLowerCase());
}

function readTags(row: SpreadsheetRow, errors: ImportIssue[]): { tags: CompetenceTags; type: CompetenceType } {
	const tagKeys: string[] = [];
	const types = new Set<CompetenceType>();
	const unknown: string[] = [];
	for (const token of row.value('tags').split(/[\s,;]+/).filter((part) => part !== '')) {
		const tag = findKey(TAG_KEYS, token);
		const type = findKey(COMPETENCE_TYPE_KEYS, token);
		if (tag !== undefined) tagKeys.push(tag);
		else if (type !== undefined) types.add(type);
		else unknown.push(token);
	}
	if (unknown.length > 0) {
		const quoted = unknown.map((token) => `„${token}“`).join(', ');
		const subject = unknown.length === 1 ? `Das Schlagwort ${quoted} gibt` : `Die Schlagwörter ${quoted} gibt`;
		errors.push(issueAt(row.line, 'tags', `${subject} es nicht. Erlaubt sind ${ALLOWED_TAGS_TEXT}.`));
	}
	if (types.size > 1) {
		errors.push(issueAt(row.line, 'tags', 'Geben Sie als Art nur knowledge oder skill an, nicht beides.'));
	}
	return { tags: tagsFromKeys(tagKeys), type: [...types][0] ?? DEFAULT_TYPE };
}

interface SpreadsheetRow {
	line: number;
	value(column: SpreadsheetColumn): string;
}

const knownColumn = (name: string) => SPREADSHEET_COLUMNS.find((column) => column === name);

/** Returns where each column is, or undefined if the header is unusable. */
function readHeader(
	header: CsvRow,
	errors: ImportIssue[],
	warnings: ImportIssue[]
): ((column: SpreadsheetColumn) => number) | undefined {
	const names = header.cells.map((cell) => cell.trim().toLowerCase());
	const expected = SPREADSHEET_COLUMNS.join(';');
	const recognized = SPREADSHEET_COLUMNS.filter((name) => names.includes(name));
	// A data row in place of the header may contain a word like "area", but hardly half of the names.
	if (recognized.length < SPREADSHEET_COLUMNS.length / 2) {
		errors.push(issueAt(header.line, undefined, `Die Kopfzeile fehlt. Die erste Zeile muss die Spaltennamen enthalten: ${expected}.`));
		return undefined;
	}
	names.forEach((name, index) => {
		const original = header.cells[index].trim();
		if (name !== '' && names.indexOf(name) !== index) {
			errors.push(issueAt(header.line, original, 'Die Spalte kommt doppelt vor.'));
		} else if (knownColumn(name) === undefined && name !== '') {
			warnings.push(issueAt(header.line, original, 'Die Spalte ist unbekannt und wird nicht übernommen.'));
		}
	});
	const missing = SPREADSHEET_COLUMNS.filter((name) => !names.includes(name));
	for (const name of missing) {
		errors.push(issueAt(header.line, undefined, `Die Spalte „${name}“ fehlt. Erwartet werden die Spalten ${expected}.`));
	}
	if (missing.length > 0) return undefined;
	return (column) => names.indexOf(column);
}

interface AreaRecord {
	row: SpreadsheetRow;
	competences: { row: SpreadsheetRow; tags: CompetenceTags; type: CompetenceType }[];
}

export interface SpreadsheetImportOptions {
	/** Name of the new framework; the file itself carries no name. */
	name?: string;
}

const DEFAULT_NAME: Record<Language, string> = {
	de: 'Importierter Kompetenzrahmen',
	en: 'Imported competence framework'
};

/** Reads the spreadsheet CSV; `;` and `,` as separator, UTF-8 with or without BOM and Windows-1252. */
export function importSpreadsheetCsv(input: Uint8Array | string, options: SpreadsheetImportOptions = {}): ImportResult {
	const decoded = decodeImportInput(input);
	if (!decoded.ok) return decoded;
	const parsed = parseCsv(decoded.text, detectSeparator(decoded.text, ';'));
	if (!parsed.ok) return parsed;

	const errors: ImportIssue[] = [];
	const warnings: ImportIssue[] = [...decoded.warnings];
	const [header, ...dataRows] = parsed.rows;
	const columnIndex = readHeader(header, errors, warnings);
	if (columnIndex === undefined || errors.length > 0) return { ok: false, errors };
	if (dataRows.length === 0) {
		return { ok: false, errors: [{ message: 'Die Datei enthält nur die Kopfzeile und keine Bereiche oder Kompetenzen.' }] };
	}

	const rows: SpreadsheetRow[] = [];
	for (const csvRow of dataRows) {
		if (csvRow.cells.length !== header.cells.length) {
			errors.push(
				issueAt(csvRow.line, undefined, `Die Zeile hat ${csvRow.cells.length} Spalten, die Kopfzeile hat ${header.cells.length}.`)
			);
			continue;
		}
		rows.push({ line: csvRow.line, value: (column) => unprotectFormula(csvRow.cells[columnIndex(column)]) });
	}

	const areas: AreaRecord[] = [];
	const areaByCode = new Map<string, AreaRecord>();
	for (const row of rows.filter((candidate) => candidate.value('area').trim() === '')) {
		const area: AreaRecord = { row, competences: [] };
		areas.push(area);
		const code = row.value('code').trim().toLowerCase();
		if (!areaByCode.has(code)) areaByCode.set(code, area);
		if (row.value('tags').trim() !== '') {
			warnings.push(issueAt(row.line, 'tags', 'Bereiche haben keine Schlagwörter. Die Angaben werden nicht übernommen.'));
		}
	}
	const competenceRows = rows.filter((candidate) => candidate.value('area').trim() !== '');
	const competenceCodes = new Set(competenceRows.map((row) => row.value('code').trim().toLowerCase()));
	for (const row of competenceRows) {
		const areaCode = row.value('area').trim();
		const area = areaByCode.get(areaCode.toLowerCase());
		const { tags, type } = readTags(row, errors);
		if (area !== undefined) {
			area.competences.push({ row, tags, type });
		} else if (competenceCodes.has(areaCode.toLowerCase())) {
			errors.push(
				issueAt(row.line, 'area', `„${areaCode}“ ist eine Kompetenz und kein Bereich. Hier steht der Code des Bereichs, zu dem die Kompetenz gehört.`)
			);
		} else {
			errors.push(issueAt(row.line, 'area', `Den Bereich „${areaCode}“ gibt es in der Datei nicht.`));
		}
	}

	const hasTitles = (language: Language) => rows.some((row) => row.value(`title_${language}`).trim() !== '');
	const languagesWithTitles = LANGUAGES.filter(hasTitles);
	const languages: Language[] = languagesWithTitles.length > 0 ? languagesWithTitles : ['de'];
	const texts = (row: SpreadsheetRow) => ({
		code: row.value('code').trim(),
		title_de: row.value('title_de'),
		title_en: row.value('title_en'),
		description_de: row.value('description_de'),
		description_en: row.value('description_en')
	});
	const framework: FrameworkDocument = {
		meta: {
			code: 'IMPORT',
			name_de: options.name ?? DEFAULT_NAME.de,
			name_en: options.name ?? DEFAULT_NAME.en,
			description_de: '',
			description_en: '',
			source_de: '',
			source_en: '',
			languages
		},
		areas: areas.map((area, areaPosition) => ({
			...texts(area.row),
			position: areaPosition,
			archived: false,
			competences: area.competences.map((competence, competencePosition) => ({
				...texts(competence.row),
				type: competence.type,
				tags: competence.tags,
				position: competencePosition,
				archived: false
			}))
		}))
	};
	const sourceRows: SourceRows = {
		areas: areas.map((area) => ({ line: area.row.line, competences: area.competences.map((competence) => competence.row.line) }))
	};

	const validation = validateFramework(framework);
	if (!validation.ok) {
		errors.push(...validation.issues.map((issue) => locateFrameworkIssue(issue, sourceRows, spreadsheetColumnOf)));
	}
	if (!validation.ok || errors.length > 0) return { ok: false, errors: byLine(errors) };
	return { ok: true, framework: validation.framework, warnings: byLine(warnings) };
}

function spreadsheetColumnOf(field: string): SpreadsheetColumn | undefined {
	return field === 'type' ? 'tags' : knownColumn(field);
}
