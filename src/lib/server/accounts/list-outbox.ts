import { and, desc, eq, sql } from 'drizzle-orm';
import { outboxMails } from '../db/schema';
import { MAIL_RETRY_QUEUE } from '../jobs/queues';
import type { TenantContext } from '../tenant';

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
