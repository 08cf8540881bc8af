import { uniqueSlug, type GlossaryEntryContent } from '../../domain/glossary/entry';
import { withForms } from '../../domain/glossary/codec';
import { recordAudit } from '../audit';
import type { OrgContext } from '../context';
import { glossaryEntries } from '../db/schema';
import { AppError } from '../errors';
import { contentColumns, isUniqueViolation, refuseDuplicateTerm, takenSlugs, toEntry } from './entries';
import { forgetGlossary } from './matcher-cache';

/** A new entry; without forms given, the generated inflected forms. */
export async function createGlossaryEntry(ctx: OrgContext, input: GlossaryEntryContent) {
	const content = withForms(input);
	await refuseDuplicateTerm(ctx.db, ctx.org.orgId, content.term);
	try {
		const row = await ctx.db.transaction(async (tx) => {
			const slug = uniqueSlug(content.term, await takenSlugs(tx, ctx.org.orgId));
			const [created] = await tx
				.insert(glossaryEntries)
				.values({ orgId: ctx.org.orgId, slug, createdBy: ctx.actor.userId, createdAt: ctx.now, ...contentColumns(content, null, ctx.now) })
				.returning();
			await recordAudit(tx, 'glossary_entry_created', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { entryId: created.id, term: created.term } });
			return created;
		});
		forgetGlossary(ctx.org.orgId);
		return toEntry(row);
	} catch (cause) {
		if (isUniqueViolation(cause)) throw new AppError('conflict', `„${content.term}“ steht schon im Glossar.`, [{ path: 'term', message: 'Diesen Begriff gibt es schon.' }]);
		throw cause;
	}
}
