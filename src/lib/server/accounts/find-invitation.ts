import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orgInvitations, organisations, users } from '../db/schema';
import { hashToken } from '../auth/secrets';
import { secretMatches, splitLink } from './invitation-links';

/** The open invitation behind a link; `mayCreateAccount` only for the mailed link (with its second secret). */
export async function findInvitation(db: Db, link: string) {
	const { token, secret } = splitLink(link);
	const [row] = await db
		.select({ orgId: orgInvitations.orgId, orgName: organisations.name, email: orgInvitations.email, role: orgInvitations.role, accountSecretHash: orgInvitations.accountSecretHash })
		.from(orgInvitations)
		.innerJoin(organisations, eq(organisations.id, orgInvitations.orgId))
		.where(and(eq(orgInvitations.tokenHash, hashToken(token)), isNull(orgInvitations.acceptedAt), gt(orgInvitations.expiresAt, sql`now()`)));
	if (!row) return null;
	const { accountSecretHash, ...invitation } = row;
	const [existingUser] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.email}`);
	return { ...invitation, hasAccount: Boolean(existingUser), mayCreateAccount: !existingUser && secretMatches(accountSecretHash, secret) };
}
