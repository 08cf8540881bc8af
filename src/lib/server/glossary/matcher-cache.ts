import { and, eq } from 'drizzle-orm';
import { compileMatcher, type GlossaryMatcher } from '../../domain/glossary/match';
import type { GlossaryTerm } from '../../domain/language/jargon';
import type { Db } from '../db/client';
import { glossaryEntries } from '../db/schema';

/*
 * The agreed (abgestimmt) entries of an organisation, compiled once and kept in memory, so that a
 * questionnaire page does not query or compile the glossary per request. Writes in this process
 * drop the organisation's matcher at once; other instances see changes after at most TTL_MS.
 */

const TTL_MS = 60_000;

export interface AgreedGlossary {
	matcher: GlossaryMatcher;
	entries: Map<string, { id: string; slug: string; term: string; plain: string }>;
	/** The same entries as the comprehensibility check's terms (one array per load, so the check compiles it once). */
	jargon: readonly GlossaryTerm[];
	/** Bumped whenever the glossary is reloaded, so derived caches (matches per study text) know when to recompute. */
	generation: number;
}

const cache = new Map<string, { at: number; value: Promise<AgreedGlossary> }>();
let generation = 0;

export function forgetGlossary(orgId: string): void {
	cache.delete(orgId);
}

export async function agreedGlossary(db: Db, orgId: string, now = Date.now()): Promise<AgreedGlossary> {
	const hit = cache.get(orgId);
	if (hit && now - hit.at < TTL_MS) return hit.value;
	const value = (async () => {
		const rows = await db
			.select({ id: glossaryEntries.id, slug: glossaryEntries.slug, term: glossaryEntries.term, plain: glossaryEntries.plain, synonyms: glossaryEntries.synonyms, forms: glossaryEntries.forms })
			.from(glossaryEntries)
			.where(and(eq(glossaryEntries.orgId, orgId), eq(glossaryEntries.status, 'abgestimmt')));
		return {
			matcher: compileMatcher(rows),
			entries: new Map(rows.map((row) => [row.id, { id: row.id, slug: row.slug, term: row.term, plain: row.plain }])),
			jargon: rows.map((row) => ({ term: row.term, forms: [...row.synonyms, ...row.forms], plain: row.plain, agreed: true })),
			generation: ++generation
		};
	})();
	cache.set(orgId, { at: now, value });
	value.catch(() => cache.delete(orgId));
	return value;
}
