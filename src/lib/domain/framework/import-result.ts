import type { FrameworkDocument } from './model';

/** One problem found while reading a file; `message` is a complete German sentence for the user. */
export interface ImportIssue {
	/** Row as spreadsheet programs count it: the header is row 1, a line break inside a cell starts no new row. */
	line?: number;
	/** Column name as written in the file's header. */
	column?: string;
	/** Location inside a JSON document, e.g. `areas[2].competences[0].title_de`. */
	path?: string;
	message: string;
}

export type ImportResult =
	| { ok: true; framework: FrameworkDocument; warnings: ImportIssue[] }
	| { ok: false; errors: ImportIssue[] };

export function issueAt(line: number | undefined, column: string | undefined, reason: string): ImportIssue {
	if (line === undefined) return { message: reason };
	if (column === undefined) return { line, message: `Zeile ${line}: ${reason}` };
	return { line, column, message: `Zeile ${line}, Spalte „${column}“: ${reason}` };
}
