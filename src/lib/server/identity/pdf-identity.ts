import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisationProfiles } from '../db/schema';
import { identityOfOrg } from './organisation-identity';

/** What a PDF shows of the organisation: its name, accent colour and logo (PDF can embed PNG and JPEG; a WebP logo is left out). */
export interface PdfIdentity {
	name: string;
	/** '#rrggbb', readable on white. */
	colour: string;
	logo: Buffer | null;
}

export const APP_COLOUR = '#0b5c55';

export async function pdfIdentity(db: Db, orgId: string): Promise<PdfIdentity | null> {
	const identity = await identityOfOrg(db, orgId);
	if (!identity) return null;
	const [row] = identity.logoUrl ? await db.select({ logo: organisationProfiles.logo, type: organisationProfiles.logoType }).from(organisationProfiles).where(eq(organisationProfiles.orgId, orgId)) : [];
	const logo = row?.logo && (row.type === 'image/png' || row.type === 'image/jpeg') ? row.logo : null;
	return { name: identity.name, colour: identity.accent?.colour ?? APP_COLOUR, logo };
}
