import type { StoredEntry } from './entries';

/** An entry as the API gives it; `url` is its public address. */
export function entryJson(entry: StoredEntry, baseUrl: string, orgSlug: string) {
	return {
		id: entry.id,
		slug: entry.slug,
		term: entry.term,
		plain: entry.plain,
		voices: entry.voices,
		example: entry.example,
		competences: entry.competences,
		sources: entry.sources,
		synonyms: entry.synonyms,
		forms: entry.forms,
		status: entry.status,
		agreedBy: entry.agreedBy,
		agreedAt: entry.agreedAt?.toISOString() ?? null,
		updatedAt: entry.updatedAt.toISOString(),
		url: `${baseUrl}/o/${orgSlug}/glossar/${entry.slug}`
	};
}
