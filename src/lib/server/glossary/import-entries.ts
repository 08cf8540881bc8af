import { eq, sql } from 'drizzle-orm';
import { termSlug, uniqueSlug, type GlossaryEntryContent } from '../../domain/glossary/entry';
import { recordAudit, type AuditEvent } from '../audit';
import type { Db } from '../db/client';
import { glossaryEntries } from '../db/schema';
import { contentColumns } from './entries';
import { forgetGlossary } from './matcher-cache';

export interface ImportOutcome {
	added: number;
	/** Terms the organisation already had: left as they are. */
	skipped: string[];
}

/**
 * Adds entries whose term the organisation does not have yet, in one transaction; existing
 * entries are never overwritten (an import cannot undo what the groups agreed on).
 */
export async function addEntries(
	db: Db,
	who: { orgId: string; userId: string | null },
	entries: readonly (GlossaryEntryContent & { starterKey?: string })[],
	audit: { event: AuditEvent; detail: Record<string, unknown> },
	now: Date
): Promise<ImportOutcome> {
	const outcome = await db.transaction(async (tx) => {
		// One import at a time per organisation, so two clicks do not add everything twice.
		await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('glossary-import'), hashtext(${who.orgId}))`);
		const existing = await tx.select({ term: glossaryEntries.term, slug: glossaryEntries.slug }).from(glossaryEntries).where(eq(glossaryEntries.orgId, who.orgId));
		const terms = new Set(existing.map((row) => row.term.toLocaleLowerCase('de')));
		const slugs = new Set(existing.map((row) => row.slug));
		const skipped: string[] = [];
		const values = [];
		for (const entry of entries) {
			const key = entry.term.toLocaleLowerCase('de');
			if (terms.has(key)) {
				skipped.push(entry.term);
				continue;
			}
			terms.add(key);
			const slug = uniqueSlug(entry.term, slugs);
			slugs.add(slug);
			values.push({ orgId: who.orgId, slug, createdBy: who.userId, createdAt: now, starterKey: entry.starterKey ?? null, ...contentColumns(entry, null, now) });
		}
		for (let i = 0; i < values.length; i += 200) await tx.insert(glossaryEntries).values(values.slice(i, i + 200));
		await recordAudit(tx, audit.event, { orgId: who.orgId, userId: who.userId, detail: { ...audit.detail, added: values.length, skipped: skipped.length } });
		return { added: values.length, skipped };
	});
	forgetGlossary(who.orgId);
	return outcome;
}

export { termSlug };
