import type { RequestContext } from '../context';
import { entryJson } from './api-representation';
import { organisationBySlug } from './entries';
import { publicEntries } from './public-entries';

/** GET /api/v1/orgs/{slug}/glossary: the public glossary (no outdated entries). */
export async function publicGlossaryJson(ctx: RequestContext, slug: string) {
	const org = await organisationBySlug(ctx.db, slug);
	const entries = await publicEntries(ctx.db, org.id);
	return { organisation: { slug: org.slug, name: org.name }, entries: entries.map((entry) => entryJson(entry, ctx.baseUrl, org.slug)) };
}
