import { attachment } from '$lib/server/http/download';
import { runApi } from '$lib/server/http/adapter';
import { exportPlanPdf } from '$lib/server/planning/export-plan-pdf';
import type { RequestHandler } from './$types';

/** Organiser token: the plan document as a tagged PDF. */
export const GET: RequestHandler = (event) => runApi(event, 'plans.manage', async (ctx) => attachment(await exportPlanPdf(ctx, event.params.id)));
