import {
	exportFrameworkJson,
	exportMoodleCsv,
	exportSpreadsheetCsv,
	importFrameworkJson,
	importMoodleCsv,
	importSpreadsheetCsv,
	MAX_IMPORT_BYTES,
	type FrameworkDocument,
	type ImportIssue,
	type Language
} from '../../domain/framework';
import { activeCompetenceCount } from '../../domain/framework/editing';
import { AppError } from '../errors';
import type { ExchangeFormat } from '../../schemas/frameworks';

/* What exporting and importing a framework share: the file written, the file read, the preview shown. */

export interface ExportFile {
	body: string;
	contentType: string;
	fileName: string;
}

function fileStem(document: FrameworkDocument): string {
	return (document.meta.code || 'kompetenzrahmen').replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();
}

export function exportFramework(document: FrameworkDocument, format: ExchangeFormat, language: Language = 'de'): ExportFile {
	const stem = fileStem(document);
	switch (format) {
		case 'json':
			return { body: exportFrameworkJson(document), contentType: 'application/json; charset=utf-8', fileName: `${stem}.json` };
		case 'moodle-csv':
			return { body: exportMoodleCsv(document, language), contentType: 'text/csv; charset=utf-8', fileName: `${stem}-moodle-${language}.csv` };
		case 'csv':
			return { body: exportSpreadsheetCsv(document), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
	}
}

export interface ImportInput {
	format: ExchangeFormat;
	fileName: string;
	bytes: Uint8Array;
	/** Language of a Moodle file (Moodle files carry one language). */
	language?: Language;
}

/** Reads and validates the whole file; nothing is written unless every line is valid. */
export function readImport(input: ImportInput): { document: FrameworkDocument; warnings: ImportIssue[] } {
	if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
		throw new AppError('payload_too_large', 'Die Datei ist größer als 5 MB. Bitte teilen Sie sie auf oder entfernen Sie nicht benötigte Spalten.');
	}
	const result =
		input.format === 'json'
			? importFrameworkJson(input.bytes)
			: input.format === 'moodle-csv'
				? importMoodleCsv(input.bytes, input.language ?? 'de')
				: importSpreadsheetCsv(input.bytes);
	if (!result.ok) {
		throw new AppError(
			'validation_failed',
			`Die Datei wurde nicht importiert: ${result.errors.length === 1 ? 'ein Fehler' : `${result.errors.length} Fehler`}. Es wurde nichts gespeichert.`,
			result.errors.map((issue) => ({ line: issue.line, column: issue.column, path: issue.path, message: issue.message }))
		);
	}
	return { document: result.framework, warnings: result.warnings };
}

export interface ImportPreview {
	importId: string;
	fileName: string;
	name: string;
	areaCount: number;
	competenceCount: number;
	warnings: ImportIssue[];
	document: FrameworkDocument;
}

export function toPreview(importId: string, fileName: string, document: FrameworkDocument, warnings: ImportIssue[]): ImportPreview {
	return {
		importId,
		fileName,
		name: document.meta.name_de || document.meta.name_en,
		areaCount: document.areas.length,
		competenceCount: activeCompetenceCount(document),
		warnings,
		document
	};
}
