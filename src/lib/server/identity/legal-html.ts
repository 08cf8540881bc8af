import { sanitizeDescription } from '../catalogue/rich-text';

/**
 * A legal text as safe HTML: the catalogue's light formatting (paragraphs, lists, **bold**),
 * plus "## " headings, which become h2 under the page's h1. Whatever HTML an organiser types is
 * reduced to the same small safe subset.
 */
export function legalHtml(text: string): string {
	const escaped = (line: string) => line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
	const withHeadings = text.replace(/\r\n?/g, '\n').replace(/^##\s+(.+)$/gm, (_, heading: string) => `\n<h3>${escaped(heading.trim())}</h3>\n`);
	// The sanitiser keeps only its own tags, so the h3 → h2 rename cannot touch anything typed.
	return sanitizeDescription(withHeadings).replaceAll('<h3>', '<h2>').replaceAll('</h3>', '</h2>');
}
