import { sql } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { werkstaetten, werkstattEvents } from '../db/schema';

/** How long the replay log of a closed Werkstatt stays: reconnects and late phones still catch up in this time. */
export const CLOSED_EVENTS_RETENTION_DAYS = 30;

/*
 * `werkstatt_events` is the live stream's replay log: every like, vote and post adds a row, and a
 * busy session adds thousands. Once a Werkstatt is closed, nobody needs to replay it: what was asked,
 * stated and voted stays in its own tables (statements, votes, likes, participants) — only the log
 * goes. A Werkstatt counts as closed that long when it is closed, was last changed before the cutoff
 * and has no event after it (a facilitator still tidying up after closing keeps it). A phone that
 * reconnects later with an old Last-Event-ID is told to reload (stream-events.ts). Runs in the
 * server's six-hourly housekeeping (RETENTION_QUEUE) and from `stadtwissen catalogue retention`;
 * running it again changes nothing.
 */

/** Deletes the events of Werkstätten closed more than 30 days ago; returns how many. */
export async function purgeClosedWerkstattEvents(ctx: Pick<RequestContext, 'db' | 'now'>, options: { days?: number; orgId?: string } = {}): Promise<number> {
	const cutoff = new Date(ctx.now.getTime() - (options.days ?? CLOSED_EVENTS_RETENTION_DAYS) * 86_400_000);
	const deleted = await ctx.db
		.delete(werkstattEvents)
		.where(
			sql`${werkstattEvents.werkstattId} IN (
				SELECT ${werkstaetten.id} FROM ${werkstaetten}
				WHERE ${werkstaetten.status} = 'closed' AND ${werkstaetten.updatedAt} <= ${cutoff}
				${options.orgId ? sql`AND ${werkstaetten.orgId} = ${options.orgId}` : sql``}
				AND NOT EXISTS (SELECT 1 FROM ${werkstattEvents} AS recent WHERE recent.werkstatt_id = ${werkstaetten.id} AND recent.created_at > ${cutoff}))`
		)
		.returning({ id: werkstattEvents.id });
	return deleted.length;
}
