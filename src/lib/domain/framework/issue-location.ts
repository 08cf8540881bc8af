import { issueAt, type ImportIssue } from './import-result';
import type { FrameworkIssue } from './model';

/** The file rows a framework was built from, parallel to `meta`, `areas[i]` and `areas[i].competences[j]`. */
export interface SourceRows {
	meta?: number;
	areas: { line: number; competences: number[] }[];
}

/** Maps a model field such as `title_de` or `tags` to the column of the file it was read from. */
export type ColumnOfField = (field: string) => string | undefined;

export function locateFrameworkIssue(issue: FrameworkIssue, rows: SourceRows, columnOf: ColumnOfField): ImportIssue {
	const [section, areaIndex, nested, competenceIndex] = issue.path;
	let line: number | undefined;
	let field: string | number | undefined;
	if (section === 'meta') {
		line = rows.meta;
		field = issue.path[1];
	} else if (section === 'areas' && typeof areaIndex === 'number') {
		const area = rows.areas[areaIndex];
		if (nested === 'competences' && typeof competenceIndex === 'number') {
			line = area?.competences[competenceIndex];
			field = issue.path[4];
		} else {
			line = area?.line;
			field = nested;
		}
	}
	const column = typeof field === 'string' ? columnOf(field) : undefined;
	return issueAt(line, column, issue.message);
}

export function byLine(issues: ImportIssue[]): ImportIssue[] {
	return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
