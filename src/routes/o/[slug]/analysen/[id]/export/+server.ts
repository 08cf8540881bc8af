import { attachment } from '$lib/server/http/download';
import { getDatabase } from '$lib/server/db/client';
import { downloadFailure, exportResults } from '$lib/server/results/exports';
import { findPublishedStudy } from '$lib/server/results/results-page';
import type { RequestHandler } from './$types';

/** A published study's results as CSV, XLSX or PDF; raw answers are never public. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const db = getDatabase();
	const found = await findPublishedStudy(db, params.slug, params.id);
	if (!found) return new Response('Nicht gefunden\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	try {
		return attachment(await exportResults(db, found.study, url.searchParams, locals.locale, found.organisation.name));
	} catch (cause) {
		return downloadFailure(cause);
	}
};
