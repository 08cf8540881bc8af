import type { OrgContext } from '../context';
import type { DownloadFile } from '../http/download';
import { planPdf } from './plan-pdf';
import { planOfOrg } from './plan-records';
import { planView } from './plan-view';

/** The plan document as a tagged PDF (German). */
export async function exportPlanPdf(ctx: OrgContext, planId: string): Promise<DownloadFile> {
	return planPdf(await planView(ctx.db, await planOfOrg(ctx, planId), 'de'));
}
