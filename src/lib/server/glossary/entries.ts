import { and, eq, sql } from 'drizzle-orm';
import type { GlossaryEntry, GlossaryEntryContent } from '../../domain/glossary/entry';
import type { Db } from '../db/client';
import { glossaryEntries, organisations } from '../db/schema';
import { AppError } from '../errors';

/* Shared reading and writing of glossary rows for the glossary's use cases (not a use case itself). */

export type EntryRow = typeof glossaryEntries.$inferSelect;

export interface StoredEntry extends GlossaryEntry {
	agreedAt: Date | null;
	updatedAt: Date;
}

export function toEntry(row: EntryRow): StoredEntry {
	return {
		id: row.id,
		slug: row.slug,
		term: row.term,
		plain: row.plain,
		voices: row.voices,
		example: row.example,
		competences: row.competences,
		sources: row.sources,
		synonyms: row.synonyms,
		forms: row.forms,
		status: row.status,
		agreedBy: row.agreedBy,
		agreedAt: row.agreedAt,
		updatedAt: row.updatedAt
	};
}

/** The columns a content change writes; `agreedAt` is set when an entry becomes abgestimmt. */
export function contentColumns(content: GlossaryEntryContent, previous: Pick<EntryRow, 'status' | 'agreedAt'> | null, now: Date) {
	return {
		term: content.term,
		plain: content.plain,
		voices: content.voices,
		example: content.example,
		competences: content.competences,
		sources: content.sources,
		synonyms: content.synonyms,
		forms: content.forms,
		status: content.status,
		agreedBy: content.status === 'vorschlag' ? [] : content.agreedBy,
		agreedAt: content.status === 'abgestimmt' ? (previous?.status === 'abgestimmt' ? previous.agreedAt : now) : content.status === 'veraltet' ? (previous?.agreedAt ?? null) : null,
		updatedAt: now
	};
}

export async function entryOfOrg(db: Db, orgId: string, id: string): Promise<EntryRow> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', 'Diesen Glossar-Eintrag gibt es nicht (mehr).');
	const [row] = await db
		.select()
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, orgId), eq(glossaryEntries.id, id)));
	if (!row) throw new AppError('not_found', 'Diesen Glossar-Eintrag gibt es nicht (mehr).');
	return row;
}

export async function takenSlugs(db: Db, orgId: string): Promise<Set<string>> {
	const rows = await db.select({ slug: glossaryEntries.slug }).from(glossaryEntries).where(eq(glossaryEntries.orgId, orgId));
	return new Set(rows.map((row) => row.slug));
}

/** A German refusal when another entry of the organisation already has this term. */
export async function refuseDuplicateTerm(db: Db, orgId: string, term: string, exceptId?: string): Promise<void> {
	const [clash] = await db
		.select({ id: glossaryEntries.id })
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, orgId), sql`lower(${glossaryEntries.term}) = lower(${term})`, exceptId ? sql`${glossaryEntries.id} <> ${exceptId}` : undefined));
	if (clash) throw new AppError('conflict', `„${term}“ steht schon im Glossar.`, [{ path: 'term', message: 'Diesen Begriff gibt es schon. Bitte bearbeiten Sie den vorhandenen Eintrag.' }]);
}

/** Unique-index violations that slip past the check (two requests at once) become the same refusal. */
export function isUniqueViolation(cause: unknown): boolean {
	const code = (cause as { code?: string; cause?: { code?: string } })?.code ?? (cause as { cause?: { code?: string } })?.cause?.code;
	return code === '23505';
}

export async function organisationBySlug(db: Db, slug: string): Promise<{ id: string; name: string; slug: string }> {
	const [org] = await db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.slug, slug));
	if (!org) throw new AppError('not_found', 'Diese Organisation gibt es nicht.');
	return org;
}
