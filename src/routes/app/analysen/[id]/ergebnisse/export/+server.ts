import { runDownload } from '$lib/server/http/adapter';
import { exportStudyResults } from '$lib/server/results/export-study-results';
import type { RequestHandler } from './$types';

/** The round's results as CSV, XLSX or PDF (?format=…&runde=…&ansicht=…); every figure through the suppression. */
export const GET: RequestHandler = (event) => runDownload(event, 'results.read', (ctx) => exportStudyResults(ctx, event.params.id, event.url.searchParams));
