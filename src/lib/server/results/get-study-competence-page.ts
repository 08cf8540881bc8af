import { getStudy } from '../studies/get-study';
import type { OrgContext } from '../context';
import { loadCompetencePage } from './results-views';

/** One competence of a study's results for its organisation. */
export async function getStudyCompetencePage(ctx: OrgContext, studyId: string, code: string, url: URL) {
	return loadCompetencePage(ctx.db, await getStudy(ctx, studyId), code, url, ctx.locale);
}
