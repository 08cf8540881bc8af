import { error } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { requireTenant } from '$lib/server/http/guard';
import { loadCompetencePage } from '$lib/server/results/results-page';
import { getStudy } from '$lib/server/studies/manage-study';
import type { PageServerLoad } from './$types';

/** One competence of a study's results: histograms per group and item, all figures, change between rounds. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'results.read');
	try {
		const study = await getStudy(ctx, params.id);
		return { results: await loadCompetencePage(ctx.db, study, params.code, url, locals.locale) };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
