import { runDownload } from '$lib/server/http/adapter';
import { exportPublicResults } from '$lib/server/results/export-public-results';
import type { RequestHandler } from './$types';

/** A published study's results as CSV, XLSX or PDF; raw answers are never public. */
export const GET: RequestHandler = (event) => runDownload(event, 'public', (ctx) => exportPublicResults(ctx, event.params.slug, event.params.id, event.url.searchParams));
