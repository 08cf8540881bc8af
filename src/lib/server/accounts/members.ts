import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { memberships, orgInvitations, outboxMails, users } from '../db/schema';
import { MAIL_RETRY_QUEUE } from '../jobs/queues';
import { recordAudit } from '../audit';
import { can, type Role } from '../auth/actor';
import { AppError } from '../errors';
import { mailConfigured } from '../mail/mailer';
import type { TenantContext } from '../tenant';

export async function listMembers({ db, org }: TenantContext) {
	return db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.orgId, org.orgId))
		.orderBy(asc(users.name));
}

export async function listOpenInvitations({ db, org }: TenantContext) {
	return db
		.select({ email: orgInvitations.email, role: orgInvitations.role, expiresAt: orgInvitations.expiresAt })
		.from(orgInvitations)
		.where(and(eq(orgInvitations.orgId, org.orgId), sql`${orgInvitations.acceptedAt} IS NULL AND ${orgInvitations.expiresAt} > now()`))
		.orderBy(desc(orgInvitations.createdAt));
}

export async function changeRole({ db, org, actor }: TenantContext, input: { userId: string; role: Role }): Promise<void> {
	await db.transaction(async (tx) => {
		const owners = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, org.orgId), eq(memberships.role, 'owner'))).for('update');
		if (input.role !== 'owner' && owners.length === 1 && owners[0].userId === input.userId) {
			throw new AppError('conflict', 'Eine Organisation braucht mindestens eine Inhaber*in. Ernennen Sie zuerst eine andere Person.');
		}
		const updated = await tx
			.update(memberships)
			.set({ role: input.role })
			.where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, input.userId)))
			.returning({ userId: memberships.userId });
		if (!updated.length) throw new AppError('not_found', 'Diese Person gehört nicht zu Ihrer Organisation.');
		await recordAudit(tx, 'role_changed', { orgId: org.orgId, userId: actor.userId, detail: { member: input.userId, role: input.role } });
	});
}

/**
 * The Ausgang: which mails went out for the organisation and whether SMTP took them — metadata
 * only. No body is ever selected, and password resets belong to no organisation.
 */
export async function listOutbox({ db, org }: TenantContext, limit = 100) {
	return db
		.select({
			id: outboxMails.id,
			recipient: outboxMails.recipient,
			subject: outboxMails.subject,
			kind: outboxMails.kind,
			status: outboxMails.status,
			/** When a refused mail is tried next (its pg-boss job), else null. */
			retryAt: sql<Date | null>`(SELECT max(j.start_after) FROM pgboss.job j WHERE j.name = ${MAIL_RETRY_QUEUE} AND j.state IN ('created', 'retry') AND j.data->>'outboxId' = "outbox_mails"."id"::text)`.mapWith(
				(value: string | Date | null) => (value === null ? null : new Date(value))
			),
			createdAt: outboxMails.createdAt,
			sentAt: outboxMails.sentAt
		})
		.from(outboxMails)
		.where(and(eq(outboxMails.orgId, org.orgId), sql`${outboxMails.kind} <> 'password_reset'`))
		.orderBy(desc(outboxMails.createdAt))
		.limit(limit);
}

/** The settings page: members, open invitations, and — for those who may read it — the outbox. */
export async function organisationSettings(ctx: TenantContext) {
	return {
		members: await listMembers(ctx),
		invitations: await listOpenInvitations(ctx),
		outbox: can(ctx.actor, 'outbox.read') ? await listOutbox(ctx) : [],
		mailConfigured: mailConfigured(),
		mayManageMembers: can(ctx.actor, 'members.manage')
	};
}
