import { entryContent } from '../../domain/glossary/entry';
import type { StoredEntry } from './entries';

/** An entry as the API gives it; `url` is its public address. */
export function entryJson(entry: StoredEntry, baseUrl: string, orgSlug: string) {
	return {
		id: entry.id,
		slug: entry.slug,
		...entryContent(entry),
		agreedAt: entry.agreedAt?.toISOString() ?? null,
		updatedAt: entry.updatedAt.toISOString(),
		url: `${baseUrl}/o/${orgSlug}/glossar/${entry.slug}`
	};
}
