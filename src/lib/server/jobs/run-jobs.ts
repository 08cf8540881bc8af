import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { isDatabaseUnavailable } from '../db/unavailable';
import { retryQueuedMail, type QueuedMail } from '../mail/mail-retry';
import { JOB_SCHEMA, jobDb, MAIL_RETRY_QUEUE, SCHEDULES } from './queues';
import { log } from '../observability/logger';

/** The work of one queue; a throw lets pg-boss retry the job by the queue's rules. */
export type JobHandler = (data: unknown) => Promise<void>;

export interface JobRunner {
	/** Queues a job now (e.g. housekeeping at start-up); a stately queue keeps at most one waiting. */
	runSoon(queue: string): Promise<void>;
	stop(): Promise<void>;
}

export interface RunnerOptions {
	/** Whether this runner creates the cron jobs of `SCHEDULES` (the app does; tests may not). */
	schedules?: boolean;
	pollingIntervalSeconds?: number;
	onError?: (error: Error) => void;
}

/**
 * pg-boss 10 marks a finished job done or failed without awaiting it (timgit/pg-boss#577, mended
 * only in versions that need Node 22). When the database goes away at that moment, the rejection
 * is unhandled and Node would end the whole app, though the database comes back seconds later. Such
 * a rejection is logged instead: the job stays active, and pg-boss hands it out again once it
 * expires. Any other unhandled rejection still ends the process, as it does by default.
 */
export function tolerateLostDatabase(reason: unknown): void {
	if (!isDatabaseUnavailable(reason)) throw reason;
	log().warn({ err: reason }, 'Ein Hintergrundauftrag konnte sein Ergebnis nicht speichern, weil die Datenbank nicht antwortet; er wird später wiederholt.');
}

/**
 * Works the job queues on the app's pool. Several runners on one database (app instances) share
 * the jobs: pg-boss hands each job to one of them, and creates each cron job once.
 */
export async function startJobRunner(db: Database, handlers: Record<string, JobHandler>, options: RunnerOptions = {}): Promise<JobRunner> {
	const onError = options.onError ?? ((error: Error) => log().error({ err: error }, 'Hintergrundauftrag fehlgeschlagen'));
	if (!process.listeners('unhandledRejection').includes(tolerateLostDatabase)) process.on('unhandledRejection', tolerateLostDatabase);
	const boss = new PgBoss({ db: jobDb(db.$client), schema: JOB_SCHEMA, migrate: false, supervise: true, schedule: options.schedules ?? true });
	boss.on('error', onError);
	await boss.start();
	if (options.schedules ?? true) for (const { name, cron } of SCHEDULES) await boss.schedule(name, cron);
	const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;

	await boss.work<QueuedMail>(MAIL_RETRY_QUEUE, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
		const { outcome, failure } = await retryQueuedMail(db, job.data, job);
		if (outcome === 'again') throw new Error(`SMTP lehnte ab: ${failure}`);
		// Delivered or given up: the job goes, and with it a link-carrying mail's body.
		await boss.deleteJob(MAIL_RETRY_QUEUE, job.id);
	});
	for (const [queue, handler] of Object.entries(handlers)) {
		await boss.work(queue, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
			try {
				await handler(job.data);
			} catch (error) {
				onError(error as Error);
				throw error;
			}
		});
	}
	return {
		async runSoon(queue) {
			await boss.send(queue, {});
		},
		async stop() {
			await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
		}
	};
}
