import { error } from '@sveltejs/kit';
import { questionnairePages } from '$lib/domain/study/questionnaire';
import { AppError } from '$lib/server/errors';
import { requireTenant } from '$lib/server/http/guard';
import { frameworkDocumentOf, getStudy } from '$lib/server/studies/manage-study';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = requireTenant(locals, 'results.read');
	try {
		const study = await getStudy(ctx, params.id);
		const pages = questionnairePages(study, await frameworkDocumentOf(ctx, study));
		return {
			study: { id: study.id, title: study.title, introduction: study.introduction, horizons: study.horizons, openQuestions: study.openQuestions, measureProficiency: study.measureProficiency },
			pages
		};
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
