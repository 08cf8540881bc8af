import type { RequestContext } from '../context';
import { exportResults } from './exports';
import { publishedStudy } from './published-studies';

/** A published study's results file (CSV, XLSX, PDF); raw answers are never public. */
export async function exportPublicResults(ctx: RequestContext, slug: string, studyId: string, params: URLSearchParams) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return exportResults(ctx.db, found.study, params, ctx.locale, found.organisation.name);
}
