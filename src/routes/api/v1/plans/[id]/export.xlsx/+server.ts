import { attachment } from '$lib/server/http/download';
import { runApi } from '$lib/server/http/adapter';
import { exportPlanXlsx } from '$lib/server/planning/export-plan-xlsx';
import type { RequestHandler } from './$types';

/** Organiser token: the plan document as an Excel workbook. */
export const GET: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => attachment(await exportPlanXlsx(ctx, event.params.id)));
