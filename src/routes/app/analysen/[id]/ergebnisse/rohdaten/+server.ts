import { attachment } from '$lib/server/http/download';
import { requireTenant } from '$lib/server/http/guard';
import { parseRound } from '$lib/server/results/parse-round';
import { downloadFailure } from '$lib/server/results/exports';
import { rawAnswersCsv } from '$lib/server/results/raw-export';
import { getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/** Anonymous raw answers of a closed round, shuffled; organisers only, and only when every group has n ≥ k. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	try {
		const study = await getStudy(ctx, params.id);
		return attachment(await rawAnswersCsv(ctx.db, study, parseRound(url.searchParams.get('runde'))));
	} catch (cause) {
		return downloadFailure(cause);
	}
};
