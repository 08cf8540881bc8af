import fs from 'node:fs';
import path from 'node:path';

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Puts a benchmark's section into bench/RESULTS.md between its markers `<!-- name:start -->` and
 * `<!-- name:end -->` (appended the first time), leaving the other sections alone.
 */
export function writeResultsSection(name: string, markdown: string, file = path.join('bench', 'RESULTS.md')): void {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const section = `${start}\n${markdown}${end}\n`;
	const from = current.indexOf(start);
	const to = current.indexOf(end);
	const next = from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length + 1) : `${current.trimEnd()}\n\n${section}`;
	fs.writeFileSync(file, next);
}
