import type { RequestContext } from '../context';
import { loadDashboard } from './results-views';
import { publishedStudy } from './published-studies';

/** A published study's dashboard on the organisation's public pages. */
export async function getPublicDashboard(ctx: RequestContext, slug: string, studyId: string, url: URL) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return { organisation: found.organisation, results: await loadDashboard(ctx.db, found.study, url, ctx.locale) };
}
