import type { RequestContext } from '../context';
import { loadCompetencePage } from './results-views';
import { publishedStudy } from './published-studies';

/** One competence of a published study. */
export async function getPublicCompetencePage(ctx: RequestContext, slug: string, studyId: string, code: string, url: URL) {
	const found = await publishedStudy(ctx.db, slug, studyId);
	return { organisation: found.organisation, results: await loadCompetencePage(ctx.db, found.study, code, url, ctx.locale) };
}
