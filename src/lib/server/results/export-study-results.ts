import { getStudy } from '../studies/get-study';
import type { OrgContext } from '../context';
import { exportResults } from './exports';

/** A study's results file for its organisation. */
export async function exportStudyResults(ctx: OrgContext, studyId: string, params: URLSearchParams) {
	return exportResults(ctx.db, await getStudy(ctx, studyId), params, ctx.locale, ctx.org.orgName);
}
