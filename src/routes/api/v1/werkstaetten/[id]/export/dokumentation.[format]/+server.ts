import { attachment } from '$lib/server/http/download';
import { runApi } from '$lib/server/http/adapter';
import { exportWerkstattDocumentation } from '$lib/server/werkstatt/export-documentation';
import type { RequestHandler } from './$types';

/** Facilitator token: the Werkstatt's documentation as PDF or Markdown (questions, statements, votes, consensus, opinion groups). */
export const GET: RequestHandler = (event) => runApi(event, 'sessions.facilitate', async (ctx) => attachment(await exportWerkstattDocumentation(ctx, event.params.id, event.params.format)));
