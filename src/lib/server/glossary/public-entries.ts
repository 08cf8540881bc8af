import { and, eq, ne } from 'drizzle-orm';
import { compareTerms, STAKEHOLDER_LABELS, VOICE_GROUPS, VOICE_LABELS } from '../../domain/glossary/entry';
import type { Db } from '../db/client';
import { glossaryEntries } from '../db/schema';
import { toEntry, type StoredEntry } from './entries';

/** What the public sees of an entry (proposals included, marked; outdated ones only on their own page). */
export function publicEntry(entry: StoredEntry) {
	return {
		slug: entry.slug,
		term: entry.term,
		plain: entry.plain,
		voices: VOICE_GROUPS.filter((group) => entry.voices[group]).map((group) => ({ group: VOICE_LABELS[group], key: group, words: entry.voices[group] as string })),
		example: entry.example,
		competences: entry.competences,
		sources: entry.sources,
		synonyms: entry.synonyms,
		forms: entry.forms,
		status: entry.status,
		agreedBy: entry.agreedBy.map((group) => STAKEHOLDER_LABELS[group]),
		agreedByGroups: entry.agreedBy,
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
