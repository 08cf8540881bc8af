import { z } from 'zod';
import { entryContent, glossaryContentSchema, termSlug, type GlossaryEntryContent } from './entry';
import { generateForms } from './inflect';

/*
 * The glossary's own file format ("stadtwissen-glossary", version 1): the shipped starter set
 * is such a file and goes through the same codec as every import. Entries without `forms` get
 * the generated inflected forms.
 */

export const GLOSSARY_FORMAT = 'stadtwissen-glossary';
export const GLOSSARY_FORMAT_VERSION = 1;

export const glossaryFileSchema = z.object({
	format: z.literal(GLOSSARY_FORMAT, { error: `Das ist keine Glossar-Datei (format muss „${GLOSSARY_FORMAT}“ sein).` }),
	version: z.literal(GLOSSARY_FORMAT_VERSION, { error: `Unbekannte Version; diese Stadtwissen-Version liest Version ${GLOSSARY_FORMAT_VERSION}.` }),
	meta: z.object({ name: z.string().max(200), description: z.string().max(2000).default(''), license: z.string().max(100).default('') }),
	entries: z.array(z.unknown()).max(2000, 'Höchstens 2.000 Begriffe je Datei.')
});

export interface GlossaryFile {
	meta: { name: string; description: string; license: string };
	entries: GlossaryEntryContent[];
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] };

/** Fills in generated forms where an entry has none. */
export function withForms<T extends { term: string; forms: string[] }>(entry: T): T {
	return entry.forms.length ? entry : { ...entry, forms: generateForms(entry.term) };
}

/** Reads one entry's content; issue paths start with `prefix`. */
export function decodeEntry(raw: unknown, prefix = ''): DecodeResult<GlossaryEntryContent> {
	const parsed = glossaryContentSchema.safeParse(raw);
	if (!parsed.success)
		return {
			ok: false,
			issues: parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: issue.message }))
		};
	return { ok: true, value: withForms(parsed.data) };
}

/** A whole glossary file: every problem of every entry, and no two entries with one term. */
export function decodeGlossaryFile(raw: unknown): DecodeResult<GlossaryFile> {
	const head = glossaryFileSchema.safeParse(raw);
	if (!head.success) return { ok: false, issues: head.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
	const issues: { path: string; message: string }[] = [];
	const entries: GlossaryEntryContent[] = [];
	const seen = new Map<string, number>();
	head.data.entries.forEach((rawEntry, index) => {
		const decoded = decodeEntry(rawEntry, `entries.${index}`);
		if (!decoded.ok) return issues.push(...decoded.issues);
		const key = termSlug(decoded.value.term);
		const first = seen.get(key);
		if (first !== undefined) issues.push({ path: `entries.${index}.term`, message: `„${decoded.value.term}“ steht schon als Eintrag ${first + 1} in der Datei.` });
		seen.set(key, index);
		entries.push(decoded.value);
	});
	return issues.length ? { ok: false, issues } : { ok: true, value: { meta: head.data.meta, entries } };
}

/** The file for a list of entries, keys in a fixed order. */
export function encodeGlossaryFile(meta: GlossaryFile['meta'], entries: readonly GlossaryEntryContent[]) {
	return {
		format: GLOSSARY_FORMAT,
		version: GLOSSARY_FORMAT_VERSION,
		meta,
		entries: entries.map(entryContent)
	};
}
