import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Separator } from './decode';
import { issueAt, type ImportIssue } from './import-result';

/** A parsed row with its number as spreadsheet programs count rows (header = 1). */
export interface CsvRow {
	line: number;
	cells: string[];
}

/** On success there is at least one row. */
export type ParsedCsv = { ok: true; rows: [CsvRow, ...CsvRow[]] } | { ok: false; errors: ImportIssue[] };

/** Rows whose cells are all blank are dropped: Excel leaves them behind when rows are cleared. */
export function parseCsv(text: string, separator: Separator): ParsedCsv {
	let records: string[][];
	try {
		records = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true });
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		const line = typeof error.records === 'number' ? error.records + 1 : undefined;
		const reason =
			error.code === 'CSV_QUOTE_NOT_CLOSED'
				? 'Ein Anführungszeichen wird nicht geschlossen. Jede Zelle, die mit „"“ beginnt, muss auch mit „"“ enden.'
				: 'Die Zeile lässt sich nicht lesen. Bitte prüfen Sie die Anführungszeichen.';
		return { ok: false, errors: [issueAt(line, undefined, reason)] };
	}
	const rows: CsvRow[] = records
		.map((cells, index) => ({ line: index + 1, cells }))
		.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
	const [first, ...rest] = rows;
	if (first === undefined) return { ok: false, errors: [{ message: 'Die Datei ist leer.' }] };
	return { ok: true, rows: [first, ...rest] };
}

export function writeCsv(rows: readonly (readonly string[])[], separator: Separator, lineBreak: '\n' | '\r\n'): string {
	return stringify(rows as string[][], {
		delimiter: separator,
		record_delimiter: lineBreak,
		// csv-stringify leaves a lone carriage return unquoted; spaces at the edges are quoted so no reader trims them.
		quoted_match: [/[\r\n]/, /^\s|\s$/]
	});
}
