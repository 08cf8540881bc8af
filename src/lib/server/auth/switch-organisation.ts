import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, sessions } from '../db/schema';
import { hashToken } from './secrets';

/** Makes `orgId` the session's organisation, provided the user is a member there. */
export async function switchOrganisation(db: Db, token: string, userId: string, orgId: string): Promise<boolean> {
	const updated = await db
		.update(sessions)
		.set({ currentOrgId: orgId })
		.where(
			and(
				eq(sessions.tokenHash, hashToken(token)),
				eq(sessions.userId, userId),
				sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.userId} = ${userId} AND ${memberships.orgId} = ${orgId})`
			)
		)
		.returning({ userId: sessions.userId });
	return updated.length > 0;
}
