import { eq, sql } from 'drizzle-orm';
import { checkAccent } from '../../domain/identity/contrast';
import type { PublicIdentity } from '../../domain/identity/public-identity';
import type { Db } from '../db/client';
import { organisationProfiles, organisations } from '../db/schema';

/*
 * What every page, questionnaire, PDF and mail of an organisation shows of it: the name it
 * chose, its logo and its accent colour, and where its legal pages are. Shared by the public
 * layouts, the mail footer and the PDF builders.
 */

export type { PublicIdentity };

export const legalPaths = (slug: string) => ({
	impressum: `/o/${slug}/impressum`,
	datenschutz: `/o/${slug}/datenschutz`,
	barrierefreiheit: `/o/${slug}/barrierefreiheit`
});

export const identityColumns = {
	slug: organisations.slug,
	orgName: organisations.name,
	displayName: organisationProfiles.displayName,
	accentColour: organisationProfiles.accentColour,
	logoVersion: sql<string | null>`CASE WHEN ${organisationProfiles.logo} IS NULL THEN NULL ELSE extract(epoch FROM ${organisationProfiles.logoUpdatedAt})::bigint::text END`
};

type IdentityRow = { slug: string; orgName: string; displayName: string | null; accentColour: string | null; logoVersion: string | null };

export function identityFromRow(row: IdentityRow): PublicIdentity {
	const accent = row.accentColour ? checkAccent(row.accentColour) : null;
	return {
		slug: row.slug,
		name: row.displayName?.trim() || row.orgName,
		accent: accent?.ok ? { colour: accent.colour, hover: accent.hover } : null,
		logoUrl: row.logoVersion ? `/o/${row.slug}/logo?v=${row.logoVersion}` : null,
		legal: legalPaths(row.slug)
	};
}

async function identityWhere(db: Db, where: ReturnType<typeof eq>): Promise<PublicIdentity | null> {
	const [row] = await db
		.select(identityColumns)
		.from(organisations)
		.leftJoin(organisationProfiles, eq(organisationProfiles.orgId, organisations.id))
		.where(where);
	return row ? identityFromRow(row) : null;
}

export const identityOfOrg = (db: Db, orgId: string) => identityWhere(db, eq(organisations.id, orgId));
export const identityOfSlug = (db: Db, slug: string) => identityWhere(db, eq(organisations.slug, slug));

const KEPT_MS = 60_000;
const kept = new Map<string, { at: number; identity: Promise<PublicIdentity | null> }>();

/**
 * The organisation's identity as pages asked for many times a second show it (questionnaires),
 * kept for a minute. A save in this process drops it at once (forgetIdentity); other instances
 * show a new colour or logo within the minute.
 */
export function keptIdentityOfOrg(db: Db, orgId: string, now = Date.now()): Promise<PublicIdentity | null> {
	const hit = kept.get(orgId);
	if (hit && now - hit.at < KEPT_MS) return hit.identity;
	const identity = identityOfOrg(db, orgId);
	kept.set(orgId, { at: now, identity });
	identity.catch(() => kept.delete(orgId));
	return identity;
}

export function forgetIdentity(orgId: string): void {
	kept.delete(orgId);
}
