import { and, eq, sql } from 'drizzle-orm';
import { memberships, orgInvitations, users } from '../db/schema';
import { recordAudit } from '../audit';
import type { Role } from '../auth/actor';
import { hashToken, newSecretToken } from '../auth/secrets';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { mailConfigured } from '../mail/mailer';
import { sendMail, type MailStatus } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import type { RequestContext } from '../context';
import { INVITATION_VALID_DAYS, SECRET_SEPARATOR, invitationLink, roleLabels } from './invitation-links';

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
