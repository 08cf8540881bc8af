import { eq } from 'drizzle-orm';
import type { GlossaryEntryContent } from '../../domain/glossary/entry';
import { withForms } from '../../domain/glossary/codec';
import { recordAudit } from '../audit';
import type { OrgContext } from '../context';
import { glossaryEntries } from '../db/schema';
import { AppError } from '../errors';
import { contentColumns, entryOfOrg, isUniqueViolation, refuseDuplicateTerm, toEntry } from './entries';
import { forgetGlossary } from './matcher-cache';

/** Saves an entry's content; its address (slug) stays, so links to it keep working. */
export async function updateGlossaryEntry(ctx: OrgContext, id: string, input: GlossaryEntryContent) {
	const previous = await entryOfOrg(ctx.db, ctx.org.orgId, id);
	const content = withForms(input);
	await refuseDuplicateTerm(ctx.db, ctx.org.orgId, content.term, id);
	try {
		const row = await ctx.db.transaction(async (tx) => {
			const [updated] = await tx.update(glossaryEntries).set(contentColumns(content, previous, ctx.now)).where(eq(glossaryEntries.id, previous.id)).returning();
			await recordAudit(tx, 'glossary_entry_updated', {
				orgId: ctx.org.orgId,
				userId: ctx.actor.userId,
				detail: { entryId: id, term: updated.term, ...(previous.status === updated.status ? {} : { status: { from: previous.status, to: updated.status } }) }
			});
			return updated;
		});
		forgetGlossary(ctx.org.orgId);
		return toEntry(row);
	} catch (cause) {
		if (isUniqueViolation(cause)) throw new AppError('conflict', `„${content.term}“ steht schon im Glossar.`, [{ path: 'term', message: 'Diesen Begriff gibt es schon.' }]);
		throw cause;
	}
}
