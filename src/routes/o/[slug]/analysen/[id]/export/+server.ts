import { runDownload } from '$lib/server/http/adapter';
import { publicResultsFile } from '$lib/server/results/results-page';
import type { RequestHandler } from './$types';

/** A published study's results as CSV, XLSX or PDF; raw answers are never public. */
export const GET: RequestHandler = (event) => runDownload(event, 'public', (ctx) => publicResultsFile(ctx, event.params.slug, event.params.id, event.url.searchParams));
