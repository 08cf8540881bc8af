import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyRetention } from '../lib/server/catalogue/retention';
import { settleDueSessions } from '../lib/server/catalogue/seats';
import { DEMO_EMAIL, hasAnyUser, loadDemo } from '../lib/server/demo/load-demo';
import { openDatabase, say, type RunningDatabase } from './database';
import { runVite } from './commands';
import { CliError } from './usage-error';
import { isAlive } from '../lib/server/platform/embedded-postgres';

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

const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;
const SETTLE_INTERVAL_MS = 5 * 60 * 1000;

/** Runs `job` now and then every `intervalMs`; a failure is printed and the next run tries again. Returns the stop function. */
function every(intervalMs: number, what: string, job: () => Promise<void>): () => void {
	const run = () => job().catch((error: unknown) => console.error(`${what} fehlgeschlagen:`, error));
	void run();
	const timer = setInterval(() => void run(), intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}

/**
 * Work nobody should have to trigger by opening a page: registrations past their retention period
 * are anonymised (every six hours), and lapsed seat holds pass to the waiting list with a mail
 * (every five minutes).
 */
function runHousekeeping(db: RunningDatabase['db'], origin: string): () => void {
	const stops = [
		every(RETENTION_INTERVAL_MS, 'Aufbewahrungsfrist', async () => {
			const { registrations } = await applyRetention(db);
			if (registrations) say(`Aufbewahrungsfrist: ${registrations} Anmeldung(en) anonymisiert.`);
		}),
		every(SETTLE_INTERVAL_MS, 'Wartelisten', async () => {
			await settleDueSessions(db, { baseUrl: origin });
		})
	];
	return () => stops.forEach((stop) => stop());
}

async function serveWith(running: RunningDatabase, dev: boolean, started: number): Promise<number> {
	const { config } = running;
	const demoWanted = config.STADTWISSEN_DEMO ?? true;
	const origin = config.ORIGIN ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
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
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));

	if (dev) {
		const code = await runVite(['dev', '--port', String(config.PORT), '--host', config.HOST, '--strictPort'], process.env);
		await running.shutdown();
		return code;
	}

	await ensureBuild();
	// Without ORIGIN, adapter-node assumes https; our own server speaks plain http, so say so.
	const protocolHeader = 'x-stadtwissen-protocol';
	if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = protocolHeader;
	const { handler } = (await import(pathToFileURL(path.join(BUILD_DIR, 'handler.js')).href)) as { handler: http.RequestListener };
	const server = http.createServer((request, response) => {
		request.headers[protocolHeader] = 'http';
		handler(request, response);
	});
	close = () =>
		new Promise((resolve) => {
			server.close(() => resolve());
			server.closeIdleConnections();
			setTimeout(() => {
				server.closeAllConnections();
				resolve();
			}, 5000).unref();
		});
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				error.code === 'EADDRINUSE'
					? new Error(`Port ${config.PORT} ist schon belegt. Wählen Sie einen anderen, z. B. PORT=3001 npm start.`)
					: error
			)
		);
		server.listen(config.PORT, config.HOST, () => resolve());
	});
	const stopHousekeeping = runHousekeeping(running.db, origin);
	const closeServer = close;
	close = async () => {
		stopHousekeeping();
		await closeServer();
	};
	say(`Stadtwissen läuft: ${process.env.STADTWISSEN_ORIGIN} (gestartet in ${((Date.now() - started) / 1000).toFixed(1)} s). Beenden mit Strg+C.`);
	return new Promise(() => {});
}
