import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { glossaryEntries } from '../db/schema';
import { AppError } from '../errors';
import { organisationBySlug, toEntry } from './entries';
import { publicEntry } from './public-entries';

/** One entry's own page (also outdated ones, marked so). */
export async function publicGlossaryEntry(ctx: RequestContext, slug: string, entrySlug: string) {
	const org = await organisationBySlug(ctx.db, slug);
	const [row] = await ctx.db
		.select()
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, org.id), eq(glossaryEntries.slug, entrySlug)));
	if (!row) throw new AppError('not_found', 'Diesen Begriff gibt es im Glossar nicht.');
	return { organisation: { name: org.name, slug: org.slug }, entry: publicEntry(toEntry(row)) };
}
