import { attachment } from '$lib/server/http/download';
import { requireTenant } from '$lib/server/http/guard';
import { downloadFailure, exportResults } from '$lib/server/results/exports';
import { getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/** The round's results as CSV, XLSX or PDF (?format=…&runde=…&ansicht=…); every figure through the suppression. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'results.read');
	try {
		const study = await getStudy(ctx, params.id);
		return attachment(await exportResults(ctx.db, study, url.searchParams, locals.locale, ctx.org.orgName));
	} catch (cause) {
		return downloadFailure(cause);
	}
};
