import { questionnairePages } from '../../domain/study/questionnaire';
import { questionnairePageCount } from '../../domain/study/questionnaire-steps';
import type { TenantContext } from '../tenant';
import { frameworkDocumentOf, getStudy } from './get-study';

/** The questionnaire as participants will see it, page by page, for the organisation's preview. */
export async function questionnairePreview(ctx: TenantContext, studyId: string) {
	const study = await getStudy(ctx, studyId);
	const pages = questionnairePages(study, await frameworkDocumentOf(ctx, study));
	return {
		study: { id: study.id, title: study.title, introduction: study.introduction, horizons: study.horizons, openQuestions: study.openQuestions, measureProficiency: study.measureProficiency },
		pages,
		// Counted as participants see it ("Seite X von Y"): the open questions have a page of their own.
		pageCount: questionnairePageCount(pages.length, study.openQuestions.length)
	};
}
