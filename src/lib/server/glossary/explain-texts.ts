import { annotatePage, type AnnotatedPage } from '../../domain/glossary/annotate';
import { findTerms, type TermMatch } from '../../domain/glossary/match';
import type { Db } from '../db/client';
import { agreedGlossary } from './matcher-cache';

/*
 * The glossary terms in texts participants read (study introduction, competence descriptions,
 * open questions). The matches of a text are computed once per glossary state and kept (keyed by
 * the text itself, so an edited text is matched anew); a questionnaire page then only assembles.
 */

const MAX_CACHED_TEXTS = 5_000;
const matches = new Map<string, TermMatch[]>();

function cachedMatches(generation: number, orgId: string, text: string, find: (text: string) => TermMatch[]): TermMatch[] {
	const key = `${generation}\u0000${orgId}\u0000${text}`;
	let found = matches.get(key);
	if (!found) {
		if (matches.size >= MAX_CACHED_TEXTS) matches.clear();
		found = find(text);
		matches.set(key, found);
	}
	return found;
}

/** The page's texts with the organisation's agreed glossary terms marked, and the footnotes. German texts only. */
export async function explainTexts(db: Db, orgId: string, texts: readonly (readonly [string, string])[]): Promise<AnnotatedPage> {
	const glossary = await agreedGlossary(db, orgId);
	if (!glossary.entries.size) return { texts: Object.fromEntries(texts.map(([key, text]) => [key, [{ text }]])), entries: [] };
	return annotatePage(
		texts,
		glossary.matcher,
		(id) => glossary.entries.get(id),
		(text) => cachedMatches(glossary.generation, orgId, text, (t) => findTerms(t, glossary.matcher))
	);
}
