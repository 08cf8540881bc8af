import { parseCsv, writeCsv, type CsvRow } from './csv';
import { decodeImportInput, detectSeparator } from './decode';
import { htmlToPlainText, plainTextToHtml } from './html-text';
import { issueAt, type ImportIssue, type ImportResult } from './import-result';
import { byLine, locateFrameworkIssue, type SourceRows } from './issue-location';
import {
	activeInOrder,
	emptyTags,
	validateFramework,
	type Area,
	type Competence,
	type FrameworkDocument,
	type Language
} from './model';

/** The columns of Moodle's competency framework import (tool_lpimportcsv), in Moodle's order. */
export const MOODLE_COLUMNS = [
	'Parent ID number',
	'ID number',
	'Short name',
	'Description',
	'Description format',
	'Scale values',
	'Scale configuration',
	'Rule type',
	'Rule outcome',
	'Rule config',
	'Cross-referenced competency ID numbers',
	'Exported ID',
	'Is framework',
	'Taxonomy'
] as const;

type MoodleColumn = (typeof MOODLE_COLUMNS)[number];

const column = (name: MoodleColumn) => MOODLE_COLUMNS.indexOf(name);

export const MOODLE_SCALE_VALUES: Record<Language, string> = {
	de: 'nicht vorhanden,vorhanden',
	en: 'not yet competent,competent'
};

/** First value is the default, the second one counts as proficient; Moodle maps scaleid to its own scale on import. */
export const MOODLE_SCALE_CONFIGURATION =
	'[{"scaleid":"2"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]';

/** Moodle names each level of the tree: areas are domains, their children competencies. */
export const MOODLE_TAXONOMIES = 'domain,competency';

const DESCRIPTION_FORMAT_HTML = '1';
/** What Moodle writes for a competency without completion rule. */
const NO_RULE_OUTCOME = '0';
const NO_RULE_CONFIG = 'null';

function frameworkRow(framework: FrameworkDocument, language: Language): string[] {
	const row = new Array<string>(MOODLE_COLUMNS.length).fill('');
	row[column('ID number')] = framework.meta.code;
	row[column('Short name')] = framework.meta[`name_${language}`];
	row[column('Description')] = plainTextToHtml(framework.meta[`description_${language}`]);
	row[column('Description format')] = DESCRIPTION_FORMAT_HTML;
	row[column('Scale values')] = MOODLE_SCALE_VALUES[language];
	row[column('Scale configuration')] = MOODLE_SCALE_CONFIGURATION;
	row[column('Is framework')] = '1';
	row[column('Taxonomy')] = MOODLE_TAXONOMIES;
	return row;
}

function competencyRow(parentCode: string, item: Area | Competence, language: Language): string[] {
	const row = new Array<string>(MOODLE_COLUMNS.length).fill('');
	row[column('Parent ID number')] = parentCode;
	row[column('ID number')] = item.code;
	row[column('Short name')] = item[`title_${language}`];
	row[column('Description')] = plainTextToHtml(item[`description_${language}`]);
	row[column('Description format')] = DESCRIPTION_FORMAT_HTML;
	row[column('Rule outcome')] = NO_RULE_OUTCOME;
	row[column('Rule config')] = NO_RULE_CONFIG;
	return row;
}

/**
 * One language per file, as Moodle has no translations: areas become top-level competencies and
 * competences their children. Archived areas and competences are left out.
 */
export function exportMoodleCsv(framework: FrameworkDocument, language: Language): string {
	if (!framework.meta.languages.includes(language)) {
		throw new RangeError(`Der Kompetenzrahmen enthält keine Texte in der Sprache „${language}“.`);
	}
	const rows: string[][] = [[...MOODLE_COLUMNS], frameworkRow(framework, language)];
	for (const area of activeInOrder(framework.areas)) {
		rows.push(competencyRow('', area, language));
		for (const competence of activeInOrder(area.competences)) {
			rows.push(competencyRow(area.code, competence, language));
		}
	}
	return writeCsv(rows, ',', '\n');
}

interface CompetencyRecord {
	line: number;
	parentCode: string;
	code: string;
	title: string;
	description: string;
}

const MOODLE_COLUMNS_TEXT = MOODLE_COLUMNS.join(', ');

function readDescription(row: CsvRow, warnings: ImportIssue[]): string {
	const description = row.cells[column('Description')];
	if (row.cells[column('Description format')].trim() !== DESCRIPTION_FORMAT_HTML) return description;
	const { text, formattingRemoved } = htmlToPlainText(description);
	if (formattingRemoved) {
		warnings.push(
			issueAt(row.line, 'Description', 'Die HTML-Formatierung wird entfernt, übernommen wird nur der Text.')
		);
	}
	return text;
}

function warnAboutDroppedDetails(row: CsvRow, warnings: ImportIssue[]): void {
	const filled = (name: MoodleColumn) => row.cells[column(name)].trim() !== '';
	if (filled('Rule type')) {
		warnings.push(issueAt(row.line, 'Rule type', 'Regeln zum Abschließen einer Kompetenz werden nicht übernommen.'));
	}
	if (filled('Cross-referenced competency ID numbers')) {
		warnings.push(
			issueAt(row.line, 'Cross-referenced competency ID numbers', 'Verweise auf verwandte Kompetenzen werden nicht übernommen.')
		);
	}
	if (filled('Scale values')) {
		warnings.push(issueAt(row.line, 'Scale values', 'Eigene Bewertungsskalen einzelner Kompetenzen werden nicht übernommen.'));
	}
}

function checkHeader(header: CsvRow, errors: ImportIssue[], warnings: ImportIssue[]): void {
	const isFrameworkCell = header.cells[column('Is framework')]?.trim() ?? '';
	if (header.cells.length === MOODLE_COLUMNS.length && ['0', '1', ''].includes(isFrameworkCell)) {
		errors.push(
			issueAt(header.line, undefined, `Die Kopfzeile fehlt. Die erste Zeile muss die Spaltennamen enthalten: ${MOODLE_COLUMNS_TEXT}.`)
		);
	} else if (header.cells.length !== MOODLE_COLUMNS.length) {
		errors.push(
			issueAt(
				header.line,
				undefined,
				`Die Kopfzeile hat ${header.cells.length} Spalten, erwartet werden ${MOODLE_COLUMNS.length}: ${MOODLE_COLUMNS_TEXT}.`
			)
		);
	} else if (header.cells.some((name, index) => name.trim().toLowerCase() !== MOODLE_COLUMNS[index].toLowerCase())) {
		// Moodle itself reads the columns by position, and a German Moodle writes translated column names.
		warnings.push(
			issueAt(header.line, undefined, 'Die Spaltennamen weichen von Moodles Vorlage ab. Die Spalten werden in Moodles Reihenfolge gelesen.')
		);
	}
}

/** Walks up the parents to the top-level competency; undefined if the chain is broken or circular. */
function findTopLevel(
	record: CompetencyRecord,
	byCode: Map<string, CompetencyRecord>,
	errors: ImportIssue[]
): CompetencyRecord | undefined {
	const visited = new Set<CompetencyRecord>();
	let current = record;
	while (current.parentCode !== '') {
		const parent = byCode.get(current.parentCode);
		if (parent === undefined) {
			if (current === record) {
				errors.push(
					issueAt(record.line, 'Parent ID number', `Die übergeordnete Kompetenz „${record.parentCode}“ gibt es in der Datei nicht.`)
				);
			}
			return undefined;
		}
		if (visited.has(parent)) {
			errors.push(
				issueAt(record.line, 'Parent ID number', 'Die übergeordneten Kompetenzen verweisen im Kreis aufeinander.')
			);
			return undefined;
		}
		visited.add(current);
		current = parent;
	}
	return current;
}

/**
 * Reads a Moodle competency framework CSV written in `language`. Top-level competencies become
 * areas and all competencies below them competences of that area; deeper levels are flattened.
 */
export function importMoodleCsv(input: Uint8Array | string, language: Language): ImportResult {
	const decoded = decodeImportInput(input);
	if (!decoded.ok) return decoded;
	const parsed = parseCsv(decoded.text, detectSeparator(decoded.text, ','));
	if (!parsed.ok) return parsed;

	const errors: ImportIssue[] = [];
	const warnings: ImportIssue[] = [...decoded.warnings];
	const [header, ...dataRows] = parsed.rows;
	checkHeader(header, errors, warnings);
	if (errors.length > 0) return { ok: false, errors };

	let frameworkRowFound: { row: CsvRow; description: string } | undefined;
	const records: CompetencyRecord[] = [];
	for (const row of dataRows) {
		if (row.cells.length !== MOODLE_COLUMNS.length) {
			errors.push(issueAt(row.line, undefined, `Die Zeile hat ${row.cells.length} Spalten, erwartet werden ${MOODLE_COLUMNS.length}.`));
			continue;
		}
		const isFramework = ['1', 'true'].includes(row.cells[column('Is framework')].trim().toLowerCase());
		if (isFramework && frameworkRowFound !== undefined) {
			errors.push(
				issueAt(row.line, 'Is framework', `Die Datei enthält schon in Zeile ${frameworkRowFound.row.line} einen Kompetenzrahmen. Erlaubt ist nur einer.`)
			);
		} else if (isFramework) {
			frameworkRowFound = { row, description: readDescription(row, warnings) };
			if (row.cells[column('Scale values')] !== MOODLE_SCALE_VALUES[language]) {
				warnings.push(
					issueAt(
						row.line,
						'Scale values',
						`Die Bewertungsskala wird nicht übernommen. Beim Export nach Moodle schreibt Stadtwissen „${MOODLE_SCALE_VALUES[language]}“.`
					)
				);
			}
		} else {
			warnAboutDroppedDetails(row, warnings);
			records.push({
				line: row.line,
				parentCode: row.cells[column('Parent ID number')].trim(),
				code: row.cells[column('ID number')].trim(),
				title: row.cells[column('Short name')],
				description: readDescription(row, warnings)
			});
		}
	}
	if (frameworkRowFound === undefined) {
		errors.push({
			message: 'Die Zeile für den Kompetenzrahmen selbst fehlt. Sie hat in der Spalte „Is framework“ den Wert 1.'
		});
	}

	const byCode = new Map<string, CompetencyRecord>();
	for (const record of records) {
		if (record.code !== '' && !byCode.has(record.code)) byCode.set(record.code, record);
	}
	const competencesOfArea = new Map<CompetencyRecord, CompetencyRecord[]>();
	for (const record of records.filter((candidate) => candidate.parentCode === '')) competencesOfArea.set(record, []);
	for (const record of records.filter((candidate) => candidate.parentCode !== '')) {
		const topLevel = findTopLevel(record, byCode, errors);
		if (topLevel === undefined) continue;
		if (topLevel.code !== record.parentCode) {
			warnings.push(
				issueAt(
					record.line,
					'Parent ID number',
					`Stadtwissen kennt nur zwei Ebenen. Die Kompetenz wird direkt dem Bereich „${topLevel.code}“ zugeordnet.`
				)
			);
		}
		competencesOfArea.get(topLevel)?.push(record);
	}

	const areaEntries = [...competencesOfArea];
	const sourceRows: SourceRows = {
		meta: frameworkRowFound?.row.line,
		areas: areaEntries.map(([areaRecord, competenceRecords]) => ({
			line: areaRecord.line,
			competences: competenceRecords.map((record) => record.line)
		}))
	};
	const name = onlyIn(language, frameworkRowFound?.row.cells[column('Short name')] ?? '');
	const description = onlyIn(language, frameworkRowFound?.description ?? '');
	const framework: FrameworkDocument = {
		meta: {
			code: frameworkRowFound?.row.cells[column('ID number')].trim() ?? '',
			name_de: name.de,
			name_en: name.en,
			description_de: description.de,
			description_en: description.en,
			source_de: '',
			source_en: '',
			languages: [language]
		},
		areas: areaEntries.map(([areaRecord, competenceRecords], areaPosition) => ({
			...itemTexts(areaRecord, language),
			position: areaPosition,
			archived: false,
			competences: competenceRecords.map((record, competencePosition) => ({
				...itemTexts(record, language),
				type: 'skill',
				tags: emptyTags(),
				position: competencePosition,
				archived: false
			}))
		}))
	};

	const validation = validateFramework(framework);
	if (!validation.ok) {
		// Without a framework row its missing name and ID number are already explained.
		const relevantIssues = validation.issues.filter((issue) => frameworkRowFound !== undefined || issue.path[0] !== 'meta');
		errors.push(...relevantIssues.map((issue) => locateFrameworkIssue(issue, sourceRows, moodleColumnOf)));
	}
	if (!validation.ok || errors.length > 0) return { ok: false, errors: byLine(errors) };
	return { ok: true, framework: validation.framework, warnings: byLine(warnings) };
}

const onlyIn = (language: Language, text: string) => (language === 'de' ? { de: text, en: '' } : { de: '', en: text });

function itemTexts(record: CompetencyRecord, language: Language) {
	const title = onlyIn(language, record.title);
	const description = onlyIn(language, record.description);
	return {
		code: record.code,
		title_de: title.de,
		title_en: title.en,
		description_de: description.de,
		description_en: description.en
	};
}

function moodleColumnOf(field: string): MoodleColumn | undefined {
	if (field === 'code') return 'ID number';
	if (field.startsWith('title_') || field.startsWith('name_')) return 'Short name';
	if (field.startsWith('description_')) return 'Description';
	return undefined;
}
