import { and, eq, sql } from 'drizzle-orm';
import { DEFAULT_RETENTION_MONTHS } from '../catalogue/retention-period';
import type { Db } from '../db/client';
import { catalogueSettings, outboxMails } from '../db/schema';

/*
 * The Ausgang holds personal data (who was written to, about what), so it follows the retention
 * of registrations: an entry is deleted the organisation's retention period (catalogue settings,
 * default 12 months) after it was written. Mails of no organisation (password resets) use the
 * default. Runs with the registrations' retention: in the server's six-hourly housekeeping and
 * from `stadtwissen catalogue retention`. Running it again changes nothing.
 */

/** Deletes the outbox entries past their retention period; returns how many. */
export async function purgeOutbox(db: Db, options: { orgId?: string; now?: Date } = {}): Promise<number> {
	const now = options.now ?? new Date();
	const months = sql`coalesce((SELECT ${catalogueSettings.retentionMonths} FROM ${catalogueSettings} WHERE ${catalogueSettings.orgId} = ${outboxMails.orgId}), ${DEFAULT_RETENTION_MONTHS})`;
	const deleted = await db
		.delete(outboxMails)
		.where(
			and(
				options.orgId ? eq(outboxMails.orgId, options.orgId) : undefined,
				sql`${outboxMails.createdAt} + make_interval(months => ${months}::int) <= ${now}`
			)
		)
		.returning({ id: outboxMails.id });
	return deleted.length;
}
