import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { findPublishedStudy, loadDashboard } from '$lib/server/results/results-page';
import type { PageServerLoad } from './$types';

/** Public results of a published study: the same views as organisers see, never raw answers. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDatabase();
	const found = await findPublishedStudy(db, params.slug, params.id);
	if (!found) error(404, 'Nicht gefunden');
	try {
		return { organisation: found.organisation, results: await loadDashboard(db, found.study, url, locals.locale) };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
