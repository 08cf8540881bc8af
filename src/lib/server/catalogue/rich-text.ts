import sanitizeHtml from 'sanitize-html';

/*
 * Module descriptions: organisers type plain text with a little formatting (blank line = new
 * paragraph, lines starting with "- " = list, **bold**), or send HTML through the API. Either way
 * only a small safe subset of HTML is kept. Single asterisks stay as they are: they are the gender
 * star (Mitarbeiter*innen), not emphasis.
 */

const SAFE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['https', 'http', 'mailto'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		h1: 'h3',
		h2: 'h3',
		h5: 'h4',
		h6: 'h4',
		a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'noopener noreferrer' } })
	},
	exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href
};
// rel is added by the transform, so it must be allowed too.
SAFE.allowedAttributes = { a: ['href', 'rel'] };

const BLOCK_START = /^<(p|ul|ol|h[1-6]|blockquote|div|table)[\s>]/i;

function inline(text: string): string {
	return text.replace(/\*\*(?=\S)([^*]+?)\*\*/g, '<strong>$1</strong>');
}

/** Light formatting to HTML (before sanitising). */
function toHtml(source: string): string {
	const blocks = source
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter(Boolean);
	return blocks
		.map((block) => {
			if (BLOCK_START.test(block)) return block;
			const lines = block.split('\n').map((line) => line.trim());
			if (lines.every((line) => /^[-•]\s+/.test(line))) return `<ul>${lines.map((line) => `<li>${inline(line.replace(/^[-•]\s+/, ''))}</li>`).join('')}</ul>`;
			if (lines.every((line) => /^\d+[.)]\s+/.test(line))) return `<ol>${lines.map((line) => `<li>${inline(line.replace(/^\d+[.)]\s+/, ''))}</li>`).join('')}</ol>`;
			return `<p>${lines.map(inline).join('<br>')}</p>`;
		})
		.join('\n');
}

/** What may be shown with {@html}: only the safe subset survives, scripts and styles are dropped with their content. */
export function sanitizeDescription(source: string): string {
	return sanitizeHtml(toHtml(source), SAFE);
}

/** The description as plain text (for iCalendar, PDF and mails): paragraphs separated by blank lines. */
export function descriptionText(html: string): string {
	const marked = html
		.replace(/<li[^>]*>/gi, '\n- ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|ul|ol|h3|h4|blockquote)>/gi, '\n\n');
	return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
