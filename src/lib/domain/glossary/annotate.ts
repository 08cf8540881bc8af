import { findTerms, type GlossaryMatcher } from './match';

/*
 * Texts participants read, cut into plain pieces and glossary terms. Only the first occurrence of
 * an entry on a page is marked (a page full of marks helps nobody); the page lists the explained
 * entries once, as footnotes, which is what readers without JavaScript get.
 */

export type Segment = { text: string } | { text: string; entry: string; n: number };

export interface ExplainedEntry {
	id: string;
	slug: string;
	term: string;
	plain: string;
	/** Footnote number on this page. */
	n: number;
}

export interface AnnotatedPage {
	texts: Record<string, Segment[]>;
	entries: ExplainedEntry[];
}

/** Annotates the page's texts in the order given (keys in reading order). */
export function annotatePage(
	texts: readonly (readonly [key: string, text: string])[],
	matcher: GlossaryMatcher,
	lookup: (id: string) => { slug: string; term: string; plain: string } | undefined,
	matchesOf: (text: string) => ReturnType<typeof findTerms> = (text) => findTerms(text, matcher)
): AnnotatedPage {
	const numbers = new Map<string, number>();
	const entries: ExplainedEntry[] = [];
	const out: Record<string, Segment[]> = {};
	for (const [key, text] of texts) {
		const segments: Segment[] = [];
		let at = 0;
		for (const match of matchesOf(text)) {
			if (numbers.has(match.entryId)) continue;
			const entry = lookup(match.entryId);
			if (!entry) continue;
			const n = entries.length + 1;
			numbers.set(match.entryId, n);
			entries.push({ id: match.entryId, slug: entry.slug, term: entry.term, plain: entry.plain, n });
			if (match.start > at) segments.push({ text: text.slice(at, match.start) });
			segments.push({ text: text.slice(match.start, match.end), entry: match.entryId, n });
			at = match.end;
		}
		if (at < text.length || !segments.length) segments.push({ text: text.slice(at) });
		out[key] = segments;
	}
	return { texts: out, entries };
}
