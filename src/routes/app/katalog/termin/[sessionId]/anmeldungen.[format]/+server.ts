import { exportRegistrations } from '$lib/server/catalogue/export-registrations';
import { runDownload } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** The session's registrations as CSV or XLSX (facilitators: without e-mail addresses). */
export const GET: RequestHandler = (event) => runDownload(event, 'sessions.facilitate', (ctx) => exportRegistrations(ctx, event.params.sessionId, event.params.format));
