import { eq } from 'drizzle-orm';
import { MIN_CONTRAST } from '../../domain/identity/contrast';
import { LEGAL_PAGES, LEGAL_TITLES, legalTemplate, openPlaceholders } from '../../domain/identity/legal-text';
import { organisationProfiles } from '../db/schema';
import type { TenantContext } from '../tenant';
import { MAX_LOGO_BYTES } from './set-logo';
import { identityOfOrg } from './organisation-identity';

/**
 * The owners' page for the organisation's public identity and legal pages. A page never saved
 * shows its template (with the organisation's name and placeholders to replace).
 */
export async function identitySettings(ctx: TenantContext) {
	const [profile] = await ctx.db.select().from(organisationProfiles).where(eq(organisationProfiles.orgId, ctx.org.orgId));
	const identity = (await identityOfOrg(ctx.db, ctx.org.orgId))!;
	const saved = { impressum: profile?.impressum ?? '', datenschutz: profile?.privacy ?? '', barrierefreiheit: profile?.accessibility ?? '' };
	return {
		// Not `identity`: that key brands a page with the organisation (root layout), and the app keeps its own look.
		profile: identity,
		orgName: ctx.org.orgName,
		displayName: profile?.displayName ?? '',
		accentColour: profile?.accentColour ?? '',
		hasLogo: Boolean(identity.logoUrl),
		maxLogoKb: Math.floor(MAX_LOGO_BYTES / 1024),
		minContrast: MIN_CONTRAST,
		pages: LEGAL_PAGES.map((page) => {
			const text = saved[page].trim() ? saved[page] : legalTemplate(page, ctx.org.orgName);
			return { page, title: LEGAL_TITLES[page], text, saved: saved[page].trim().length > 0, open: openPlaceholders(text), href: identity.legal[page] };
		})
	};
}
