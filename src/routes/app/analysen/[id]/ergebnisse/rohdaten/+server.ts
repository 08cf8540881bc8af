import { runDownload } from '$lib/server/http/adapter';
import { rawAnswersFile } from '$lib/server/results/raw-export';
import type { RequestHandler } from './$types';

/** Anonymous raw answers of a closed round, shuffled; organisers only, and only when every group has n ≥ k. */
export const GET: RequestHandler = (event) => runDownload(event, 'org.manage', (ctx) => rawAnswersFile(ctx, event.params.id, event.url.searchParams.get('runde')));
