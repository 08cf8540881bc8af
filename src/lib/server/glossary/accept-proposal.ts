import { and, eq } from 'drizzle-orm';
import { entryContent, glossaryContentSchema, uniqueSlug, type StakeholderGroup } from '../../domain/glossary/entry';
import { generateForms } from '../../domain/glossary/inflect';
import { recordAudit } from '../audit';
import type { OrgContext } from '../context';
import { glossaryEntries, glossaryProposals } from '../db/schema';
import { AppError, toErrorDetails } from '../errors';
import { contentColumns, isUniqueViolation, takenSlugs, toEntry } from './entries';
import { openProposal } from './list-proposals';
import { forgetGlossary } from './matcher-cache';

/**
 * Accepts a proposal: a new entry is created (as Vorschlag, or abgestimmt with the groups named),
 * a change is applied to its entry (term, explanation, example, words; the rest stays).
 */
export async function acceptGlossaryProposal(ctx: OrgContext, id: string, decision: { status: 'vorschlag' | 'abgestimmt'; agreedBy: StakeholderGroup[] }) {
	const proposal = await openProposal(ctx, id);
	if (!proposal) throw new AppError('not_found', 'Diesen Vorschlag gibt es nicht.');
	if (proposal.status !== 'open') throw new AppError('conflict', 'Über diesen Vorschlag wurde schon entschieden.');
	try {
		const entry = await ctx.db.transaction(async (tx) => {
			let row;
			if (proposal.kind === 'change') {
				const [current] = proposal.entryId
					? await tx
							.select()
							.from(glossaryEntries)
							.where(and(eq(glossaryEntries.orgId, ctx.org.orgId), eq(glossaryEntries.id, proposal.entryId)))
					: [];
				if (!current) throw new AppError('conflict', 'Der Eintrag, den dieser Vorschlag ändern wollte, wurde inzwischen gelöscht. Bitte lehnen Sie den Vorschlag ab oder legen Sie den Eintrag neu an.');
				const termChanged = proposal.content.term && proposal.content.term.toLocaleLowerCase('de') !== current.term.toLocaleLowerCase('de');
				const merged = glossaryContentSchema.safeParse({
					...entryContent(toEntry(current)),
					...proposal.content,
					voices: { ...current.voices, ...(proposal.content.voices ?? {}) },
					synonyms: [...current.synonyms, ...(proposal.content.synonyms ?? [])],
					forms: termChanged ? generateForms(proposal.content.term ?? current.term) : current.forms,
					status: decision.status === 'abgestimmt' ? 'abgestimmt' : current.status,
					agreedBy: decision.status === 'abgestimmt' ? decision.agreedBy : current.agreedBy
				});
				if (!merged.success) throw new AppError('validation_failed', 'Der geänderte Eintrag wäre so nicht gültig.', toErrorDetails(merged.error.issues));
				[row] = await tx.update(glossaryEntries).set(contentColumns(merged.data, current, ctx.now)).where(eq(glossaryEntries.id, current.id)).returning();
			} else {
				const content = glossaryContentSchema.safeParse({ ...proposal.content, status: decision.status, agreedBy: decision.agreedBy });
				if (!content.success) throw new AppError('validation_failed', 'Aus dem Vorschlag lässt sich so kein gültiger Eintrag machen. Bitte legen Sie ihn von Hand an.', toErrorDetails(content.error.issues));
				const data = { ...content.data, forms: content.data.forms.length ? content.data.forms : generateForms(content.data.term) };
				const slug = uniqueSlug(data.term, await takenSlugs(tx, ctx.org.orgId));
				[row] = await tx
					.insert(glossaryEntries)
					.values({ orgId: ctx.org.orgId, slug, createdBy: ctx.actor.userId, createdAt: ctx.now, ...contentColumns(data, null, ctx.now) })
					.returning();
			}
			await tx.update(glossaryProposals).set({ status: 'accepted', decidedAt: ctx.now, decidedBy: ctx.actor.userId, entryId: row.id }).where(eq(glossaryProposals.id, proposal.id));
			await recordAudit(tx, 'glossary_proposal_accepted', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { proposalId: proposal.id, entryId: row.id, kind: proposal.kind } });
			return row;
		});
		forgetGlossary(ctx.org.orgId);
		return toEntry(entry);
	} catch (cause) {
		if (isUniqueViolation(cause))
			throw new AppError('conflict', `„${proposal.content.term}“ steht schon im Glossar. Bitte übernehmen Sie den Vorschlag dort von Hand oder lehnen Sie ihn ab.`);
		throw cause;
	}
}
