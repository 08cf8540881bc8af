import { and, eq, ne } from 'drizzle-orm';
import { compareTerms, initialOf, STAKEHOLDER_LABELS, VOICE_GROUPS, VOICE_LABELS } from '../../domain/glossary/entry';
import { searchMatches } from '../../domain/glossary/match';
import type { RequestContext } from '../context';
import type { Db } from '../db/client';
import { glossaryEntries } from '../db/schema';
import { AppError } from '../errors';
import { organisationBySlug, toEntry, type StoredEntry } from './entries';

/** What the public sees of an entry (proposals included, marked; outdated ones only on their own page). */
export function publicEntry(entry: StoredEntry) {
	return {
		slug: entry.slug,
		term: entry.term,
		plain: entry.plain,
		voices: VOICE_GROUPS.filter((group) => entry.voices[group]).map((group) => ({ group: VOICE_LABELS[group], words: entry.voices[group] as string })),
		example: entry.example,
		competences: entry.competences,
		sources: entry.sources,
		synonyms: entry.synonyms,
		forms: entry.forms,
		status: entry.status,
		agreedBy: entry.agreedBy.map((group) => STAKEHOLDER_LABELS[group]),
		agreedAt: entry.agreedAt
	};
}

/** The entries the public sees (no outdated ones), in German alphabetical order. */
export async function publicEntries(db: Db, orgId: string): Promise<StoredEntry[]> {
	const rows = await db
		.select()
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, orgId), ne(glossaryEntries.status, 'veraltet')));
	return rows.map(toEntry).sort((a, b) => compareTerms(a.term, b.term));
}

/** An organisation's public glossary: A–Z letters, entries (without outdated ones), searched by any form of a word. */
export async function publicGlossary(ctx: RequestContext, slug: string, query: string | null) {
	const org = await organisationBySlug(ctx.db, slug);
	const all = await publicEntries(ctx.db, org.id);
	const q = (query ?? '').trim().slice(0, 100);
	const shown = q ? all.filter((entry) => searchMatches(q, entry)) : all;
	const letters = [...new Set(shown.map((entry) => initialOf(entry.term)))];
	return {
		organisation: { name: org.name, slug: org.slug },
		query: q,
		total: all.length,
		letters,
		groups: letters.map((letter) => ({ letter, entries: shown.filter((entry) => initialOf(entry.term) === letter).map(publicEntry) }))
	};
}

/** One entry's own page (also outdated ones, marked so). */
export async function publicGlossaryEntry(ctx: RequestContext, slug: string, entrySlug: string) {
	const org = await organisationBySlug(ctx.db, slug);
	const [row] = await ctx.db
		.select()
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, org.id), eq(glossaryEntries.slug, entrySlug)));
	if (!row) throw new AppError('not_found', 'Diesen Begriff gibt es im Glossar nicht.');
	return { organisation: { name: org.name, slug: org.slug }, entry: publicEntry(toEntry(row)) };
}
