import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, orgInvitations, organisations, users } from '../db/schema';
import { recordAudit } from '../audit';
import type { Role } from '../auth/actor';
import { hashPassword, hashToken, newSecretToken } from '../auth/secrets';
import { AppError } from '../errors';
import { timingSafeEqual } from 'node:crypto';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import { sendMail, type MailStatus } from '../mail/send-mail';
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

/** The link to accept, as shown once to the person who invited. */
export const invitationLink = (baseUrl: string, token: string) => `${baseUrl}/einladung/${token}`;

/**
 * Invites a person into the organisation. The link is shown once, to the person who invites (the
 * result), and is never readable later: only its hash is stored, and the mail's body is never kept.
 * The mailed link carries a second secret that only the invitee's mailbox sees; creating a new
 * account needs it, so whoever saw the shown link cannot create the invitee's account and take
 * the role. Without SMTP no mail goes out and the shown link serves an existing account only.
 */
export async function inviteMember(ctx: TenantContext & Pick<RequestContext, 'baseUrl'>, input: { email: string; role: Role }): Promise<{ link: string; mail: MailStatus }> {
	const { db, org, actor } = ctx;
	requireMailHost(ctx);
	const [alreadyMember] = await db
		.select({ userId: users.id })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, org.orgId)))
		.where(sql`lower(${users.email}) = ${input.email}`);
	if (alreadyMember) throw new AppError('conflict', `${input.email} gehört bereits zu ${org.orgName}.`, [{ path: 'email', message: 'Diese Person ist bereits Mitglied.' }]);
	const token = newSecretToken();
	const accountSecret = mailConfigured() ? newSecretToken() : null;
	await db.insert(orgInvitations).values({
		tokenHash: hashToken(token),
		orgId: org.orgId,
		email: input.email,
		role: input.role,
		invitedBy: actor.userId,
		expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
		accountSecretHash: accountSecret ? hashToken(accountSecret) : null
	});
	await recordAudit(db, 'member_invited', { orgId: org.orgId, userId: actor.userId, detail: { email: input.email, role: input.role } });
	const link = invitationLink(ctx.baseUrl, token);
	const mail = await sendMail(db, {
		orgId: org.orgId,
		kind: 'member_invitation',
		carriesLink: true,
		to: input.email,
		subject: `Einladung zu Stadtwissen: ${org.orgName}`,
		body: [
			'Guten Tag,',
			'',
			`${actor.name} lädt Sie ein, bei „${org.orgName}“ in Stadtwissen mitzuarbeiten (Rolle: ${roleLabels[input.role]}).`,
			'Über diesen Link nehmen Sie die Einladung an. Haben Sie noch kein Konto, legen Sie dort Ihr Passwort fest:',
			`${link}${accountSecret ? `${SECRET_SEPARATOR}${accountSecret}` : ''}`,
			'',
			`Der Link gilt ${INVITATION_VALID_DAYS} Tage. Bitte geben Sie ihn nicht weiter.`
		].join('\n')
	});
	return { link, mail };
}

/** The mailed link is `<token>.<secret>`; the shown one is `<token>` alone. */
const SECRET_SEPARATOR = '.';

function splitLink(link: string): { token: string; secret: string | null } {
	const at = link.indexOf(SECRET_SEPARATOR);
	return at < 0 ? { token: link, secret: null } : { token: link.slice(0, at), secret: link.slice(at + 1) };
}

function secretMatches(stored: string | null, secret: string | null): boolean {
	if (!stored || !secret) return false;
	const a = Buffer.from(stored, 'hex');
	const b = Buffer.from(hashToken(secret), 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}

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

const NEW_ACCOUNT_NEEDS_MAIL = (email: string) =>
	`Ein neues Konto für ${email} legen Sie nur über den Link aus der E-Mail an, die an diese Adresse ging.`;

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
	if (invitation?.mayCreateAccount) {
		const newAccount = validate(newAccountSchema, input.entered);
		const accepted = await acceptInvitation(ctx.db, { token: input.token, newAccount });
		return createSession(ctx.db, accepted.userId);
	}
	const accepted = await acceptInvitation(ctx.db, { token: input.token, signedInUserId: ctx.actor?.userId });
	if (input.sessionToken) await switchOrganisation(ctx.db, input.sessionToken, accepted.userId, accepted.orgId);
	return null;
}
