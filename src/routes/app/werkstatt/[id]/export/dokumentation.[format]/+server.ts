import { runDownload } from '$lib/server/http/adapter';
import { exportWerkstattDocumentation } from '$lib/server/werkstatt/export-documentation';
import type { RequestHandler } from './$types';

/** The Werkstatt's documentation (PDF or Markdown) for the signed-in facilitator (the API serves the same to tokens). */
export const GET: RequestHandler = (event) => runDownload(event, 'sessions.facilitate', (ctx) => exportWerkstattDocumentation(ctx, event.params.id, event.params.format));
