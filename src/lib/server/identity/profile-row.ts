import { sql } from 'drizzle-orm';
import { organisationProfiles } from '../db/schema';
import type { TenantContext } from '../tenant';
import { forgetIdentity } from './organisation-identity';

type ProfileChange = Partial<Omit<typeof organisationProfiles.$inferInsert, 'orgId' | 'updatedAt'>>;

/** Writes part of the organisation's profile, creating its row on the first save. */
export async function updateProfile(ctx: TenantContext, change: ProfileChange): Promise<void> {
	await ctx.db
		.insert(organisationProfiles)
		.values({ orgId: ctx.org.orgId, ...change })
		.onConflictDoUpdate({ target: organisationProfiles.orgId, set: { ...change, updatedAt: sql`now()` } });
	forgetIdentity(ctx.org.orgId);
}
