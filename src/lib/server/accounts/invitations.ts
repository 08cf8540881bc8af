import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, orgInvitations, organisations, users } from '../db/schema';
import { recordAudit } from '../audit';
import type { Role } from '../auth/actor';
import { hashPassword, hashToken, newSecretToken } from '../auth/secrets';
import { AppError } from '../errors';
import { sendMail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import type { RequestContext } from '../context';
import { createSession, switchOrganisation } from '../auth/sessions';
import { validate } from '../validate';
import { newAccountSchema } from '../../schemas/accounts';

export const INVITATION_VALID_DAYS = 14;

export const roleLabels: Record<Role, string> = {
	owner: 'Inhaber*in',
	organiser: 'Organisator*in',
	facilitator: 'Referent*in',
	viewer: 'Lesende*r'
};

export async function inviteMember(ctx: TenantContext, input: { email: string; role: Role; baseUrl: string }): Promise<void> {
	const { db, org, actor } = ctx;
	const [alreadyMember] = await db
		.select({ userId: users.id })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, org.orgId)))
		.where(sql`lower(${users.email}) = ${input.email}`);
	if (alreadyMember) throw new AppError('conflict', `${input.email} gehört bereits zu ${org.orgName}.`, [{ path: 'email', message: 'Diese Person ist bereits Mitglied.' }]);
	const token = newSecretToken();
	await db.insert(orgInvitations).values({
		tokenHash: hashToken(token),
		orgId: org.orgId,
		email: input.email,
		role: input.role,
		invitedBy: actor.userId,
		expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000)
	});
	await recordAudit(db, 'member_invited', { orgId: org.orgId, userId: actor.userId, detail: { email: input.email, role: input.role } });
	await sendMail(db, {
		orgId: org.orgId,
		to: input.email,
		subject: `Einladung zu Stadtwissen: ${org.orgName}`,
		body: [
			'Guten Tag,',
			'',
			`${actor.name} lädt Sie ein, bei „${org.orgName}“ in Stadtwissen mitzuarbeiten (Rolle: ${roleLabels[input.role]}).`,
			'Über diesen Link nehmen Sie die Einladung an:',
			`${input.baseUrl}/einladung/${token}`,
			'',
			`Der Link gilt ${INVITATION_VALID_DAYS} Tage.`
		].join('\n')
	});
}

export async function findInvitation(db: Db, token: string) {
	const [row] = await db
		.select({ orgId: orgInvitations.orgId, orgName: organisations.name, email: orgInvitations.email, role: orgInvitations.role })
		.from(orgInvitations)
		.innerJoin(organisations, eq(organisations.id, orgInvitations.orgId))
		.where(and(eq(orgInvitations.tokenHash, hashToken(token)), isNull(orgInvitations.acceptedAt), gt(orgInvitations.expiresAt, sql`now()`)));
	if (!row) return null;
	const [existingUser] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${row.email}`);
	return { ...row, hasAccount: Boolean(existingUser) };
}

/**
 * Accepting needs either the signed-in account of the invited address, or (for a new address)
 * a name and password to create the account.
 */
export async function acceptInvitation(
	db: Db,
	input: { token: string; signedInUserId?: string; newAccount?: { name: string; password: string } }
): Promise<{ userId: string; orgId: string }> {
	const passwordHash = input.newAccount ? await hashPassword(input.newAccount.password) : null;
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.update(orgInvitations)
			.set({ acceptedAt: new Date() })
			.where(and(eq(orgInvitations.tokenHash, hashToken(input.token)), isNull(orgInvitations.acceptedAt), gt(orgInvitations.expiresAt, sql`now()`)))
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
			if (!input.newAccount || !passwordHash) throw new AppError('validation_failed', 'Bitte geben Sie Ihren Namen und ein Passwort ein.');
			const [created] = await tx.insert(users).values({ email: invitation.email, name: input.newAccount.name, passwordHash }).returning({ id: users.id });
			userId = created.id;
		}
		await tx.insert(memberships).values({ userId, orgId: invitation.orgId, role: invitation.role }).onConflictDoNothing();
		await recordAudit(tx, 'member_joined', { orgId: invitation.orgId, userId, detail: { role: invitation.role } });
		return { userId, orgId: invitation.orgId };
	});
}

/**
 * Accepting from the invitation page: a new address creates its account (name and password
 * checked here) and is signed in — the new session is returned; an existing account must be the
 * signed-in one, and this browser's session switches to the organisation.
 */
export async function acceptInvitationHere(
	ctx: Pick<RequestContext, 'db' | 'actor'>,
	input: { token: string; entered: Record<string, unknown>; sessionToken: string | undefined }
): Promise<{ token: string; expiresAt: Date } | null> {
	const invitation = await findInvitation(ctx.db, input.token);
	if (invitation && !invitation.hasAccount) {
		const newAccount = validate(newAccountSchema, input.entered);
		const accepted = await acceptInvitation(ctx.db, { token: input.token, newAccount });
		return createSession(ctx.db, accepted.userId);
	}
	const accepted = await acceptInvitation(ctx.db, { token: input.token, signedInUserId: ctx.actor?.userId });
	if (input.sessionToken) await switchOrganisation(ctx.db, input.sessionToken, accepted.userId, accepted.orgId);
	return null;
}
