import { eq } from 'drizzle-orm';
import { isFilled, LEGAL_TITLES, type LegalPage } from '../../domain/identity/legal-text';
import type { RequestContext } from '../context';
import { organisationProfiles, organisations } from '../db/schema';
import { AppError } from '../errors';
import { legalHtml } from './legal-html';

const COLUMN = { impressum: organisationProfiles.impressum, datenschutz: organisationProfiles.privacy, barrierefreiheit: organisationProfiles.accessibility } as const;

/**
 * One of an organisation's legal pages. While the text is empty or still has a placeholder,
 * `html` is null and the page says so honestly instead of showing the template.
 */
export async function legalPage(ctx: RequestContext, slug: string, page: LegalPage) {
	const [row] = await ctx.db
		.select({ name: organisations.name, displayName: organisationProfiles.displayName, text: COLUMN[page] })
		.from(organisations)
		.leftJoin(organisationProfiles, eq(organisationProfiles.orgId, organisations.id))
		.where(eq(organisations.slug, slug));
	if (!row) throw new AppError('not_found', 'Diese Organisation gibt es nicht.');
	const text = row.text ?? '';
	return { page, title: LEGAL_TITLES[page], organisationName: row.displayName?.trim() || row.name, html: isFilled(text) ? legalHtml(text) : null };
}
