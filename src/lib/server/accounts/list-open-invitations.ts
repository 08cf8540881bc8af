import { and, desc, eq, sql } from 'drizzle-orm';
import { orgInvitations } from '../db/schema';
import type { TenantContext } from '../tenant';

export async function listOpenInvitations({ db, org }: TenantContext) {
	return db
		.select({ email: orgInvitations.email, role: orgInvitations.role, expiresAt: orgInvitations.expiresAt })
		.from(orgInvitations)
		.where(and(eq(orgInvitations.orgId, org.orgId), sql`${orgInvitations.acceptedAt} IS NULL AND ${orgInvitations.expiresAt} > now()`))
		.orderBy(desc(orgInvitations.createdAt));
}
