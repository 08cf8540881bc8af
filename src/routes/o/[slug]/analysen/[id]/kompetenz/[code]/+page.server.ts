import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { findPublishedStudy, loadCompetencePage } from '$lib/server/results/results-page';
import type { PageServerLoad } from './$types';

/** One competence of a published study's results. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDatabase();
	const found = await findPublishedStudy(db, params.slug, params.id);
	if (!found) error(404, 'Nicht gefunden');
	try {
		return { organisation: found.organisation, results: await loadCompetencePage(db, found.study, params.code, url, locals.locale) };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
