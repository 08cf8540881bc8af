import { invitationBatches, invitations } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import { invitationHash, newInvitationToken } from './token-crypto';
import { MAX_BATCH } from '../../schemas/studies';
import { participationLink, requireGroup, requireNotFinished } from './invitation-rules';

/** Anonymous links for one group; the links stay downloadable until the organiser confirms the hand-out. */
export async function createInvitationBatch(ctx: TenantContext, input: { studyId: string; group: string; count: number; baseUrl: string }) {
	const study = await getStudy(ctx, input.studyId);
	requireGroup(study, input.group);
	requireNotFinished(study);
	if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH) {
		throw new AppError('validation_failed', `Bitte wählen Sie eine Anzahl von 1 bis ${MAX_BATCH.toLocaleString('de-DE')}.`, [{ path: 'count', message: `Eine ganze Zahl von 1 bis ${MAX_BATCH}.` }]);
	}
	const tokens = Array.from({ length: input.count }, newInvitationToken);
	const batchId = await ctx.db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(invitationBatches)
			.values({ studyId: study.id, groupKey: input.group, count: input.count, kind: 'links', pendingTokens: tokens })
			.returning({ id: invitationBatches.id });
		for (let i = 0; i < tokens.length; i += 1000) {
			await tx.insert(invitations).values(tokens.slice(i, i + 1000).map((token) => ({ studyId: study.id, batchId: batch.id, groupKey: input.group, tokenHash: invitationHash(token) })));
		}
		return batch.id;
	});
	return { batchId, tokens, links: tokens.map((token) => participationLink(input.baseUrl, token)) };
}
