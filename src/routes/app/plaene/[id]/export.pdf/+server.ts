import { runDownload } from '$lib/server/http/adapter';
import { exportPlanPdf } from '$lib/server/planning/export-plan-pdf';
import type { RequestHandler } from './$types';

/** The plan document as a PDF, for the signed-in organiser. */
export const GET: RequestHandler = (event) => runDownload(event, 'plans.manage', (ctx) => exportPlanPdf(ctx, event.params.id));
