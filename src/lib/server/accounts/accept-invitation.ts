import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, orgInvitations, users } from '../db/schema';
import { recordAudit } from '../audit';
import { hashPassword, hashToken } from '../auth/secrets';
import { AppError } from '../errors';
import { secretMatches, splitLink } from './invitation-links';

const NEW_ACCOUNT_NEEDS_MAIL = (email: string) =>
	`Ein neues Konto für ${email} legen Sie nur über den Link aus der E-Mail an, die an diese Adresse ging.`;

/**
 * Accepting needs either the signed-in account of the invited address, or (for a new address)
 * the mailed link's second secret and a name and password to create the account.
 */
export async function acceptInvitation(
	db: Db,
	input: { token: string; signedInUserId?: string; newAccount?: { name: string; password: string } }
): Promise<{ userId: string; orgId: string }> {
	const { token, secret } = splitLink(input.token);
	const passwordHash = input.newAccount ? await hashPassword(input.newAccount.password) : null;
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.update(orgInvitations)
			.set({ acceptedAt: new Date() })
			.where(and(eq(orgInvitations.tokenHash, hashToken(token)), isNull(orgInvitations.acceptedAt), gt(orgInvitations.expiresAt, sql`now()`)))
			.returning();
		if (!invitation) throw new AppError('gone', 'Diese Einladung ist abgelaufen oder wurde schon angenommen.');
		const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${invitation.email}`);
		let userId: string;
		if (existing) {
			if (existing.id !== input.signedInUserId) {
				throw new AppError('forbidden', `Bitte melden Sie sich zuerst mit ${invitation.email} an, um die Einladung anzunehmen.`);
			}
			userId = existing.id;
		} else {
			if (!secretMatches(invitation.accountSecretHash, secret)) throw new AppError('forbidden', NEW_ACCOUNT_NEEDS_MAIL(invitation.email));
			if (!input.newAccount || !passwordHash) throw new AppError('validation_failed', 'Bitte geben Sie Ihren Namen und ein Passwort ein.');
			const [created] = await tx.insert(users).values({ email: invitation.email, name: input.newAccount.name, passwordHash }).returning({ id: users.id });
			userId = created.id;
		}
		await tx.insert(memberships).values({ userId, orgId: invitation.orgId, role: invitation.role }).onConflictDoNothing();
		await recordAudit(tx, 'member_joined', { orgId: invitation.orgId, userId, detail: { role: invitation.role } });
		return { userId, orgId: invitation.orgId };
	});
}
