import type { OrgContext } from '../context';
import type { DownloadFile } from '../http/download';
import { planOfOrg } from './plan-records';
import { planView } from './plan-view';
import { planXlsx } from './plan-workbook';

/** The plan document as XLSX (German): method, gaps, measures, budget, coverage, learning paths. */
export async function exportPlanXlsx(ctx: OrgContext, planId: string): Promise<DownloadFile> {
	return planXlsx(await planView(ctx.db, await planOfOrg(ctx, planId), 'de'), ctx.now);
}
