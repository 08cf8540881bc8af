import { getStudy } from '../studies/get-study';
import type { OrgContext } from '../context';
import { loadDashboard } from './results-views';

/** A study's dashboard for its organisation. */
export async function getStudyDashboard(ctx: OrgContext, studyId: string, url: URL) {
	return loadDashboard(ctx.db, await getStudy(ctx, studyId), url, ctx.locale);
}
