import { eq } from 'drizzle-orm';
import { studies } from '../db/schema';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';

export async function disableOpenLink(ctx: TenantContext, studyId: string): Promise<void> {
	const study = await getStudy(ctx, studyId);
	await ctx.db.update(studies).set({ openLinkHash: null }).where(eq(studies.id, study.id));
}
