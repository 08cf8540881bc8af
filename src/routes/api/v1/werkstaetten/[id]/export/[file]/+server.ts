import { attachment } from '$lib/server/http/download';
import { runApi } from '$lib/server/http/adapter';
import { exportPolisFile } from '$lib/server/werkstatt/export-polis';
import type { RequestHandler } from './$types';

/** Facilitator token: one of the four Pol.is files, so a Werkstatt can be compared and archived like a Pol.is conversation. */
export const GET: RequestHandler = (event) => runApi(event, 'sessions.facilitate', async (ctx) => attachment(await exportPolisFile(ctx, event.params.id, event.params.file)));
