import PgBoss from 'pg-boss';
import type pg from 'pg';
import { grantAppAccess } from '../db/roles';
import { log } from '../observability/logger';

/*
 * Background work runs as pg-boss jobs in PostgreSQL: a job survives a restart, and with several
 * app instances on one database each job runs once. pg-boss's tables live in their own schema,
 * created by the owner role during migration (the app role may not create tables); the app role
 * gets row access to them like to ours.
 */

export const JOB_SCHEMA = 'pgboss';

/** A mail SMTP refused at the first try: retried with exponential backoff. */
export const MAIL_RETRY_QUEUE = 'mail-retry';
/** Registrations past their retention anonymised, outbox entries and old rate-limit counters deleted. */
export const RETENTION_QUEUE = 'housekeeping-retention';
/** Lapsed seat holds passed to the waiting list (with a mail). */
export const WAITING_LIST_QUEUE = 'housekeeping-waiting-lists';
/** Studies opened and closed on their dates, and reminded before closing (studies/apply-study-dates.ts). */
export const STUDY_DATES_QUEUE = 'studies-dates';

/**
 * First retry one minute after SMTP refused; then pg-boss doubles the delay (with jitter: 2–4,
 * 4–8, 8–16, 16–32 minutes). With the first attempt inline that is six tries over about an hour.
 */
export const MAIL_RETRY = { firstDelaySeconds: 60, retryLimit: 4, retryDelay: 120 } as const;

export const QUEUES: readonly { name: string; options: Omit<PgBoss.Queue, 'name'> }[] = [
	{ name: MAIL_RETRY_QUEUE, options: { policy: 'standard', retryLimit: MAIL_RETRY.retryLimit, retryDelay: MAIL_RETRY.retryDelay, retryBackoff: true, expireInSeconds: 120 } },
	// stately: at most one waiting and one running, so a start-up run and a cron run do not pile up.
	{ name: RETENTION_QUEUE, options: { policy: 'stately', retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 } },
	{ name: WAITING_LIST_QUEUE, options: { policy: 'stately', retryLimit: 1, retryDelay: 60, expireInSeconds: 600 } },
	{ name: STUDY_DATES_QUEUE, options: { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 900 } },
	// pg-boss's own queue for cron schedules; created here because the app role may not create it.
	{ name: '__pgboss__send-it', options: { policy: 'standard' } }
];

export const SCHEDULES = [
	{ name: RETENTION_QUEUE, cron: '0 */6 * * *' },
	{ name: WAITING_LIST_QUEUE, cron: '*/5 * * * *' },
	{ name: STUDY_DATES_QUEUE, cron: '*/5 * * * *' }
] as const;

/** pg-boss's database adapter over a pg client or pool we already hold. */
export function jobDb(client: Pick<pg.Pool, 'query'>): PgBoss.Db {
	return { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
}

/**
 * Creates or upgrades pg-boss's schema and our queues, as the owner role, then gives the app role
 * row access to them. Run inside the migration (same client, same advisory lock) on every start.
 */
export async function installJobQueue(owner: pg.Client, appRole?: string): Promise<void> {
	const boss = new PgBoss({ db: jobDb(owner), schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
	boss.on('error', (error) => log().error({ err: error }, 'Job-Warteschlange'));
	await boss.start();
	try {
		for (const queue of QUEUES) {
			if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
			else await boss.updateQueue(queue.name, { name: queue.name, ...queue.options });
		}
	} finally {
		await boss.stop({ graceful: false, wait: true, close: false });
	}
	if (appRole) await grantAppAccess(owner, appRole, [JOB_SCHEMA]);
}
