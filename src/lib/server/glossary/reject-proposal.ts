import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { OrgContext } from '../context';
import { glossaryProposals } from '../db/schema';
import { AppError } from '../errors';
import { forgetGlossary } from './matcher-cache';

/** Rejects an open proposal with a reason (kept with the proposal). */
export async function rejectGlossaryProposal(ctx: OrgContext, id: string, input: { reason: string }) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', 'Diesen Vorschlag gibt es nicht.');
	const done = await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.update(glossaryProposals)
			.set({ status: 'rejected', reason: input.reason, decidedAt: ctx.now, decidedBy: ctx.actor.userId })
			.where(and(eq(glossaryProposals.orgId, ctx.org.orgId), eq(glossaryProposals.id, id), eq(glossaryProposals.status, 'open')))
			.returning({ id: glossaryProposals.id });
		if (row) await recordAudit(tx, 'glossary_proposal_rejected', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { proposalId: id } });
		return row;
	});
	if (!done) throw new AppError('not_found', 'Diesen offenen Vorschlag gibt es nicht (mehr).');
	forgetGlossary(ctx.org.orgId);
	return { rejected: true };
}
