import { eq } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { organisationProfiles, organisations } from '../db/schema';
import { AppError } from '../errors';

/** An organisation's logo for its public pages, questionnaires and PDFs. */
export async function organisationLogo(ctx: RequestContext, slug: string): Promise<{ bytes: Buffer; type: string }> {
	const [row] = await ctx.db
		.select({ bytes: organisationProfiles.logo, type: organisationProfiles.logoType })
		.from(organisationProfiles)
		.innerJoin(organisations, eq(organisations.id, organisationProfiles.orgId))
		.where(eq(organisations.slug, slug));
	if (!row?.bytes || !row.type) throw new AppError('not_found', 'Diese Organisation hat kein Logo.');
	return { bytes: row.bytes, type: row.type };
}
