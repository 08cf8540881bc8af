import { and, desc, eq } from 'drizzle-orm';
import type { OrgContext } from '../context';
import { glossaryEntries, glossaryProposals } from '../db/schema';

/** The open proposals (newest first) with the entry a change is about, and the last decided ones. */
export async function listGlossaryProposals(ctx: OrgContext) {
	const rows = await ctx.db
		.select({ proposal: glossaryProposals, entry: glossaryEntries })
		.from(glossaryProposals)
		.leftJoin(glossaryEntries, eq(glossaryEntries.id, glossaryProposals.entryId))
		.where(eq(glossaryProposals.orgId, ctx.org.orgId))
		.orderBy(desc(glossaryProposals.createdAt))
		.limit(300);
	const view = rows.map(({ proposal, entry }) => ({
		id: proposal.id,
		kind: proposal.kind,
		status: proposal.status,
		content: proposal.content,
		comment: proposal.comment,
		reason: proposal.reason,
		createdAt: proposal.createdAt,
		decidedAt: proposal.decidedAt,
		entry: entry ? { id: entry.id, slug: entry.slug, term: entry.term, plain: entry.plain, example: entry.example } : null
	}));
	return { open: view.filter((p) => p.status === 'open'), decided: view.filter((p) => p.status !== 'open').slice(0, 30) };
}

export async function openProposal(ctx: OrgContext, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await ctx.db
		.select()
		.from(glossaryProposals)
		.where(and(eq(glossaryProposals.orgId, ctx.org.orgId), eq(glossaryProposals.id, id)));
	return row ?? null;
}
