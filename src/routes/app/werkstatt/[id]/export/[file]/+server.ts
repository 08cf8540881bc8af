import { runDownload } from '$lib/server/http/adapter';
import { exportPolisFile } from '$lib/server/werkstatt/export-polis';
import type { RequestHandler } from './$types';

/** The Pol.is files for the signed-in facilitator (the API serves the same to tokens). */
export const GET: RequestHandler = (event) => runDownload(event, 'sessions.facilitate', (ctx) => exportPolisFile(ctx, event.params.id, event.params.file));
