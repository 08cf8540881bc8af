import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { OrgContext } from '../context';
import { glossaryEntries } from '../db/schema';
import { entryOfOrg } from './entries';
import { forgetGlossary } from './matcher-cache';

/** Deletes an entry; proposals about it stay (without their entry) for the record. */
export async function deleteGlossaryEntry(ctx: OrgContext, id: string): Promise<{ deleted: string }> {
	const entry = await entryOfOrg(ctx.db, ctx.org.orgId, id);
	await ctx.db.transaction(async (tx) => {
		await tx.delete(glossaryEntries).where(eq(glossaryEntries.id, entry.id));
		await recordAudit(tx, 'glossary_entry_deleted', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { entryId: entry.id, term: entry.term } });
	});
	forgetGlossary(ctx.org.orgId);
	return { deleted: entry.term };
}
