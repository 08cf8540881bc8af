/*
 * Moodle stores descriptions as HTML. Stadtwissen keeps plain text, so the Moodle codec writes
 * escaped text with <br> for line breaks, which reads back to exactly the same text. Richer HTML
 * written by Moodle's editor is reduced to its text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	auml: 'ä',
	ouml: 'ö',
	uuml: 'ü',
	Auml: 'Ä',
	Ouml: 'Ö',
	Uuml: 'Ü',
	szlig: 'ß',
	euro: '€',
	ndash: '–',
	mdash: '—',
	bdquo: '„',
	ldquo: '“',
	rdquo: '”',
	sbquo: '‚',
	lsquo: '‘',
	rsquo: '’',
	laquo: '«',
	raquo: '»',
	hellip: '…',
	shy: '\u00ad'
};

const MAX_CODE_POINT = 0x10ffff;

export function plainTextToHtml(text: string): string {
	return text.replace(/[&<>"\r]/g, (character) => HTML_ESCAPES[character]).replace(/\n/g, '<br>');
}

function decodeEntities(html: string): string {
	return html.replace(/&(#[0-9]+|#x[0-9a-f]+|[a-z]+);/gi, (entity, body: string) => {
		if (body.startsWith('#')) {
			const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return codePoint <= MAX_CODE_POINT ? String.fromCodePoint(codePoint) : entity;
		}
		return NAMED_ENTITIES[body] ?? entity;
	});
}

const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;
const BLOCK_END_TAG = /<\/(p|div|h[1-6]|li|tr|blockquote|pre)\s*>/gi;
const LIST_ITEM_START_TAG = /<li(\s[^>]*)?>/gi;

export interface PlainTextFromHtml {
	text: string;
	/** True when tags other than line breaks were dropped. */
	formattingRemoved: boolean;
}

export function htmlToPlainText(html: string): PlainTextFromHtml {
	const hasOnlyLineBreakTags = html.replace(LINE_BREAK_TAG, '').match(ANY_TAG) === null;
	if (hasOnlyLineBreakTags) {
		return { text: decodeEntities(html.replace(LINE_BREAK_TAG, '\n')), formattingRemoved: false };
	}
	const text = decodeEntities(
		html
			.replace(/\s*[\r\n]+\s*/g, ' ')
			.replace(LINE_BREAK_TAG, '\n')
			.replace(LIST_ITEM_START_TAG, '- ')
			.replace(BLOCK_END_TAG, '\n')
			.replace(ANY_TAG, '')
	)
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { text, formattingRemoved: true };
}
