import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/actor';
import { AppError } from '$lib/server/errors';
import { requireTenant } from '$lib/server/http/guard';
import { loadDashboard } from '$lib/server/results/results-page';
import { getStudy } from '$lib/server/studies/manage-study';
import type { PageServerLoad } from './$types';

/** The results dashboard of a study: round, filters (GET, no JavaScript needed) and every view. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'results.read');
	try {
		const study = await getStudy(ctx, params.id);
		return { results: await loadDashboard(ctx.db, study, url, locals.locale), mayManage: can(locals.actor, 'org.manage') };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
