import cluster, { type Worker } from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyRetention } from '../lib/server/catalogue/apply-retention';
import { purgeOutbox } from '../lib/server/mail/outbox-retention';
import { settleDueSessions } from '../lib/server/catalogue/settle-due-sessions';
import { systemContext } from '../lib/server/context';
import { DEMO_EMAIL, hasAnyUser, loadDemo } from '../lib/server/demo/load-demo';
import { closeDatabase } from '../lib/server/db/client';
import { publicOrigin, readConfig, type Config } from '../lib/server/config';
import { openDatabase, say, type RunningDatabase } from './database';
import { runVite } from './vite';
import { CliError } from './usage-error';
import { isAlive } from '../lib/server/platform/embedded-postgres';
import { purgeRateLimits } from '../lib/server/auth/rate-limit';
import { RETENTION_QUEUE, STUDY_DATES_QUEUE, WAITING_LIST_QUEUE } from '../lib/server/jobs/queues';
import { applyStudyDates } from '../lib/server/studies/apply-study-dates';
import { purgeClosedWerkstattEvents } from '../lib/server/werkstatt/purge-closed-events';
import { startJobRunner, type JobRunner } from '../lib/server/jobs/run-jobs';
import { compressed } from './compress';
import { serveMetricsToWorkers } from '../lib/server/observability/metrics';

const BUILD_DIR = path.resolve('build');
const BUILD_STAMP = path.join(BUILD_DIR, '.stadtwissen-built');
const BUILD_INPUTS = ['src', 'static', 'drizzle', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestChange(entry: string): number {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return fs.readdirSync(entry).reduce((newest, child) => Math.max(newest, newestChange(path.join(entry, child))), stat.mtimeMs);
}

function buildIsStale(): boolean {
	if (!fs.existsSync(BUILD_STAMP) || !fs.existsSync(path.join(BUILD_DIR, 'handler.js'))) return true;
	const built = fs.statSync(BUILD_STAMP).mtimeMs;
	return BUILD_INPUTS.some((input) => newestChange(input) > built);
}

const BUILD_LOCK = path.resolve('.stadtwissen-build.lock');

/** Several instances started at once from one checkout must not build into the same folders together. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
	for (let announced = false; ; ) {
		try {
			fs.writeFileSync(BUILD_LOCK, String(process.pid), { flag: 'wx' });
			break;
		} catch {
			const holder = Number.parseInt(fs.readFileSync(BUILD_LOCK, 'utf8'), 10);
			if (!Number.isInteger(holder) || !isAlive(holder)) {
				fs.rmSync(BUILD_LOCK, { force: true });
				continue;
			}
			if (!announced) say(`Ein anderer Stadtwissen-Prozess (${holder}) baut gerade die Oberfläche; warte …`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(BUILD_LOCK, { force: true });
	}
}

async function ensureBuild(): Promise<void> {
	if (!buildIsStale()) return;
	await withBuildLock(async () => {
		if (!buildIsStale()) return;
		say('Die Web-Oberfläche wird gebaut (einmalig nach Installation oder Änderung, ca. 1 Minute) …');
		const env = { ...process.env };
		delete env.DATABASE_URL;
		// The stamp carries the time the build began: a file changed while it ran is newer, so the next start builds again.
		const began = new Date();
		const code = await runVite(['build'], env, true);
		if (code !== 0) throw new CliError('Der Bau der Web-Oberfläche ist fehlgeschlagen (siehe Ausgabe oben).');
		fs.writeFileSync(BUILD_STAMP, began.toISOString());
		fs.utimesSync(BUILD_STAMP, began, began);
	});
}

export async function serve({ dev }: { dev: boolean }): Promise<number> {
	if (cluster.isWorker) return serveAsWorker();
	const started = Date.now();
	say('Stadtwissen startet …');
	const running = await openDatabase();
	try {
		return await serveWith(running, dev, started);
	} catch (error) {
		await running.shutdown();
		throw error;
	}
}

/**
 * Work nobody should have to trigger by opening a page, as pg-boss jobs (see jobs/queues.ts): every
 * six hours registrations past their retention period are anonymised, outbox entries and old
 * rate-limit counters deleted, and the live-event log of Werkstätten closed 30 days ago (their
 * statements and votes stay); every five minutes lapsed seat holds pass to the waiting list with a
 * mail; every five minutes studies open and close on their dates (Berlin days) and are reminded
 * before closing; refused mails are tried again. These jobs also run once at start-up. With
 * several app instances on one database each job runs once.
 */
async function runHousekeeping(db: RunningDatabase['db'], origin: string): Promise<JobRunner> {
	const runner = await startJobRunner(db, {
		[RETENTION_QUEUE]: async () => {
			const { registrations } = await applyRetention(systemContext(db, origin));
			if (registrations) say(`Aufbewahrungsfrist: ${registrations} Anmeldung(en) anonymisiert.`);
			await purgeRateLimits(db);
			const mails = await purgeOutbox(db);
			if (mails) say(`Aufbewahrungsfrist: ${mails} Einträge im E-Mail-Ausgang gelöscht.`);
			const events = await purgeClosedWerkstattEvents(systemContext(db, origin));
			if (events) say(`Aufbewahrungsfrist: ${events} Live-Ereignisse geschlossener Werkstätten gelöscht.`);
		},
		[WAITING_LIST_QUEUE]: async () => {
			await settleDueSessions(systemContext(db, origin));
		},
		[STUDY_DATES_QUEUE]: async () => {
			const { opened, closed } = await applyStudyDates(systemContext(db, origin));
			if (opened.length || closed.length) say(`Analysen nach Datum: ${opened.length} geöffnet, ${closed.length} geschlossen.`);
		}
	});
	await runner.runSoon(RETENTION_QUEUE);
	await runner.runSoon(WAITING_LIST_QUEUE);
	await runner.runSoon(STUDY_DATES_QUEUE);
	return runner;
}

async function serveWith(running: RunningDatabase, dev: boolean, started: number): Promise<number> {
	const { config } = running;
	const demoWanted = config.STADTWISSEN_DEMO ?? true;
	const origin = publicOrigin(config);
	if (demoWanted && !(await hasAnyUser(running.db))) {
		say('Demo-Daten werden geladen (mit erzeugten Antworten, einige Sekunden) …');
		const demo = await loadDemo(running.db, origin);
		if (demo) {
			say('');
			say('  Demo-Zugang (wird nur dieses eine Mal angezeigt – bitte notieren):');
			say(`    E-Mail:   ${DEMO_EMAIL}`);
			say(`    Passwort: ${demo.password}`);
			say('  Vergessen? Neues Passwort mit: npx stadtwissen user password --email ' + DEMO_EMAIL);
			say(`  Befragung ausprobieren: ${demo.sampleLink}`);
			say('');
		}
	}

	process.env.BODY_SIZE_LIMIT ??= '6M';
	if (config.ORIGIN) process.env.ORIGIN = config.ORIGIN;
	process.env.STADTWISSEN_ORIGIN = origin;

	let shuttingDown = false;
	let close: () => Promise<void> = async () => {};
	const shutdown = async (signal: string) => {
		if (shuttingDown) return;
		shuttingDown = true;
		say(`\n${signal}: Stadtwissen wird beendet …`);
		await close();
		await running.shutdown();
		say('Beendet.');
		process.exit(0);
	};
	onShutdownSignal((signal) => void shutdown(signal));

	if (dev) {
		const code = await runVite(['dev', '--port', String(config.PORT), '--host', config.HOST, '--strictPort'], process.env);
		await running.shutdown();
		return code;
	}

	await ensureBuild();
	// Without ORIGIN, adapter-node assumes https; our own server speaks plain http, so say so.
	if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	// One core is left to PostgreSQL, which usually runs on the same machine (always so when embedded).
	const workers = config.STADTWISSEN_WORKERS ?? Math.max(1, Math.min(os.availableParallelism() - 1, 4));
	const web = workers > 1 ? await startWorkers(workers) : await startWebServer(config);
	const housekeeping = await runHousekeeping(running.db, origin);
	close = async () => {
		await web.close();
		await housekeeping.stop();
	};
	const processes = workers > 1 ? `, ${workers} Arbeitsprozesse` : '';
	say(`Stadtwissen läuft: ${process.env.STADTWISSEN_ORIGIN} (gestartet in ${((Date.now() - started) / 1000).toFixed(1)} s${processes}). Beenden mit Strg+C.`);
	return new Promise(() => {});
}

const PROTOCOL_HEADER = 'x-stadtwissen-protocol';

/** Ctrl+C and SIGTERM: the orderly shutdown (web server, workers, pool, then the database). */
function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => handler(signal));
	}
}

/** The built SvelteKit app on an HTTP server; in a worker process the port is shared with the others. */
async function startWebServer(config: Config): Promise<{ close(): Promise<void> }> {
	const { handler } = (await import(pathToFileURL(path.join(BUILD_DIR, 'handler.js')).href)) as { handler: http.RequestListener };
	const server = http.createServer(
		compressed((request, response) => {
			if (process.env.PROTOCOL_HEADER) request.headers[PROTOCOL_HEADER] = 'http';
			handler(request, response);
		})
	);
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new CliError(`Port ${config.PORT} ist schon belegt. Wählen Sie einen anderen, z. B. PORT=3001 npm start.`)
					: error
			)
		);
		server.listen(config.PORT, config.HOST, () => resolve());
	});
	return {
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeIdleConnections();
				setTimeout(() => {
					server.closeAllConnections();
					resolve();
				}, 5000).unref();
			})
	};
}

/**
 * One Node process runs JavaScript on one core; under load (many questionnaires sent at once) the
 * web server needs more. Workers share the port and the database; this process keeps the embedded
 * PostgreSQL and the housekeeping, restarts a worker that dies, and stops them all before the database.
 */
async function startWorkers(count: number): Promise<{ close(): Promise<void> }> {
	let closing = false;
	serveMetricsToWorkers();
	const fork = () =>
		new Promise<Worker>((resolve, reject) => {
			const worker = cluster.fork();
			const failed = (code: number | null) => reject(new CliError(`Ein Arbeitsprozess des Web-Servers konnte nicht starten (Exit-Code ${code}, siehe Ausgabe oben).`));
			worker.once('exit', failed);
			worker.once('listening', () => {
				worker.off('exit', failed);
				worker.once('exit', (code, signal) => {
					if (closing) return;
					say(`Ein Arbeitsprozess (${worker.process.pid}) wurde beendet (${signal ?? code}); ein neuer startet.`);
					fork().catch((error: unknown) => console.error(error));
				});
				resolve(worker);
			});
		});
	try {
		await Promise.all(Array.from({ length: count }, fork));
	} catch (error) {
		closing = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
		throw error;
	}
	return {
		async close() {
			closing = true;
			const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
			await Promise.all(
				running.map(
					(worker) =>
						new Promise<void>((resolve) => {
							worker.once('exit', () => resolve());
							worker.process.kill('SIGTERM');
							setTimeout(() => worker.process.kill('SIGKILL'), 7000).unref();
						})
				)
			);
		}
	};
}

/** A worker: the primary prepared database, build and environment; this one only answers requests. */
async function serveAsWorker(): Promise<number> {
	const web = await startWebServer(readConfig());
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await web.close();
		await closeDatabase();
		process.exit(0);
	};
	onShutdownSignal(() => void stop());
	return new Promise(() => {});
}
