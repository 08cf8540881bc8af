import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Db } from '../db/client';
import { outboxMails } from '../db/schema';
import { JOB_SCHEMA, jobDb, MAIL_RETRY, MAIL_RETRY_QUEUE } from '../jobs/queues';
import { deliver, failureReason } from './mailer';
import { countMailFailure } from '../observability/metrics';

/**
 * A mail SMTP refused, waiting for its next try. `body` only for a mail with a personal link,
 * whose body the outbox never holds: it lives in this job until delivery or the last failure,
 * then the job is deleted. An ordinary mail's body waits in its outbox row.
 */
export interface QueuedMail {
	outboxId: string;
	body?: string;
}

/** Only for sending: never started, so it polls nothing; each send names the connection it uses. */
let sender: PgBoss | undefined;

export async function enqueueMailRetry(pool: Pick<pg.Pool, 'query'>, mail: QueuedMail): Promise<void> {
	sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error('unused')) }, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false });
	const id = await sender.send(MAIL_RETRY_QUEUE, mail as object, { startAfter: MAIL_RETRY.firstDelaySeconds, db: jobDb(pool) });
	if (!id) throw new Error('Der Auftrag wurde nicht angelegt.');
}

export type RetryOutcome = 'sent' | 'again' | 'failed' | 'gone';

/**
 * One more try of a queued mail. 'again' when SMTP refused and tries remain (the caller lets the
 * job fail, and pg-boss schedules the next try); 'failed' after the last try. Either final outcome
 * clears the body; the caller then deletes the job.
 */
export async function retryQueuedMail(db: Db, mail: QueuedMail, attempt: { retryCount: number; retryLimit: number }): Promise<{ outcome: RetryOutcome; failure?: string }> {
	const [entry] = await db.select().from(outboxMails).where(eq(outboxMails.id, mail.outboxId));
	if (!entry || entry.status !== 'pending') return { outcome: 'gone' };
	const body = entry.carriesLink ? mail.body : entry.body;
	if (body == null) {
		await db.update(outboxMails).set({ status: 'failed', body: null }).where(eq(outboxMails.id, entry.id));
		return { outcome: 'failed' };
	}
	try {
		await deliver({ to: entry.recipient, subject: entry.subject, body });
	} catch (error) {
		const failure = failureReason(error);
		countMailFailure();
		const last = attempt.retryCount >= attempt.retryLimit;
		await db
			.update(outboxMails)
			.set(last ? { status: 'failed', failure, body: null } : { failure })
			.where(eq(outboxMails.id, entry.id));
		return { outcome: last ? 'failed' : 'again', failure };
	}
	await db.update(outboxMails).set({ status: 'sent', sentAt: new Date(), body: null, failure: null }).where(eq(outboxMails.id, entry.id));
	return { outcome: 'sent' };
}
