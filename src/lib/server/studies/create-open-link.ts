import { eq } from 'drizzle-orm';
import { studies } from '../db/schema';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import { invitationHash, newInvitationToken } from './token-crypto';
import { requireNotFinished } from './invitation-rules';

/** An open link where participants choose their group; a new one replaces the old. */
export async function createOpenLink(ctx: TenantContext, studyId: string, baseUrl: string): Promise<string> {
	const study = await getStudy(ctx, studyId);
	requireNotFinished(study);
	const token = newInvitationToken();
	await ctx.db.update(studies).set({ openLinkHash: invitationHash(token) }).where(eq(studies.id, study.id));
	return `${baseUrl}/t/offen/${token}`;
}
