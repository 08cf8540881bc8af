import type { OrgContext } from '../context';
import type { DownloadFile } from '../http/download';
import { pdfIdentity } from '../identity/pdf-identity';
import { planPdf } from './plan-pdf';
import { planOfOrg } from './plan-records';
import { planView } from './plan-view';

/** The plan document as a tagged PDF (German), in the organisation's identity. */
export async function exportPlanPdf(ctx: OrgContext, planId: string): Promise<DownloadFile> {
	const plan = await planView(ctx.db, await planOfOrg(ctx, planId), 'de');
	return planPdf(plan, { identity: await pdfIdentity(ctx.db, ctx.org.orgId) });
}
