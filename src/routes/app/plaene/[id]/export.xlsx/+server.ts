import { runDownload } from '$lib/server/http/adapter';
import { exportPlanXlsx } from '$lib/server/planning/export-plan-xlsx';
import type { RequestHandler } from './$types';

/** The plan document as an Excel workbook, for the signed-in organiser. */
export const GET: RequestHandler = (event) => runDownload(event, 'plans.manage', (ctx) => exportPlanXlsx(ctx, event.params.id));
