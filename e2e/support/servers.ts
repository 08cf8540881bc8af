/**
 * Starting and stopping real Stadtwissen servers (`node bin/stadtwissen.js serve`) and running
 * the CLI, for the browser and authorization tests. Used only by e2e/global-setup.ts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The servers run from a snapshot of the working tree, not from the checkout itself: `serve`
 * builds into `<cwd>/build`, and in a checkout where someone else edits, builds or serves at the
 * same time, a shared build/ gets replaced under a running server (its next asset request then
 * crashes it with ENOENT) and half-edited files get built. The snapshot keeps its own build/ and
 * .svelte-kit/ between runs; `cp -a` keeps modification times, so an unchanged tree is not rebuilt.
 */
// One snapshot per checkout: a build made from another clone's (older or newer) files is newer
// than this tree's files, so the time-based stamp would take it for current.
const SHARED_SNAPSHOT = path.join(os.tmpdir(), `stadtwissen-e2e-app-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8)}`);
const SNAPSHOT_ENTRIES = ['bin', 'src', 'static', 'drizzle', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

export interface AppSnapshot {
	dir: string;
	release(): void;
}

function isAliveProcess(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Copies the working tree into the snapshot; a second e2e run at the same time gets its own directory. */
export function prepareAppSnapshot(): AppSnapshot {
	let dir = SHARED_SNAPSHOT;
	const lock = `${SHARED_SNAPSHOT}.lock`;
	const holder = fs.existsSync(lock) ? Number.parseInt(fs.readFileSync(lock, 'utf8'), 10) : NaN;
	let release: () => void;
	if (Number.isInteger(holder) && holder !== process.pid && isAliveProcess(holder)) {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-e2e-app-'));
		release = () => fs.rmSync(dir, { recursive: true, force: true });
	} else {
		fs.writeFileSync(lock, String(process.pid));
		release = () => fs.rmSync(lock, { force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
	fs.chmodSync(dir, 0o755);
	for (const entry of SNAPSHOT_ENTRIES) {
		fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
		if (fs.existsSync(path.join(REPO_ROOT, entry))) execFileSync('cp', ['-a', path.join(REPO_ROOT, entry), dir]);
	}
	const modules = path.join(dir, 'node_modules');
	fs.rmSync(modules, { force: true });
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), modules, 'dir');
	return { dir, release };
}

/** First start includes `vite build` and `initdb`. */
export const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const CLI_TIMEOUT_MS = 60_000;

const READY = /^Stadtwissen läuft: (\S+)/m;
const DEMO_PASSWORD = /^\s+Passwort:\s+(\S+)\s*$/m;
const BUILDING = /Die Web-Oberfläche wird gebaut/;

/**
 * The child gets a small, explicit environment: no DATABASE_URL/ORIGIN/SMTP_* from the developer's
 * shell, and no NODE_ENV=test from Vitest (a `vite build` under NODE_ENV=test would write a
 * development build into the shared build/ directory).
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { LANG: 'C.UTF-8' };
	for (const key of ['PATH', 'HOME', 'TMPDIR', 'TZ']) if (process.env[key]) env[key] = process.env[key];
	return { ...env, ...extra };
}

/** A fresh data directory the `postgres` system user can reach (tests run as root; mkdtemp gives 0700). */
export function makeDataDir(label: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stadtwissen-e2e-${label}-`));
	fs.chmodSync(dir, 0o755);
	return dir;
}

export function removeDataDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}

const STALE_AFTER_MS = 12 * 3600 * 1000;

/**
 * A run killed before its teardown (e.g. `vitest … | head`) leaves its temporary directories
 * behind. Those older than 12 hours whose PostgreSQL is not running are removed.
 */
export function removeStaleTempDirs(): void {
	for (const name of fs.readdirSync(os.tmpdir())) {
		if (!/^stadtwissen-e2e-(demo|setup-\d+|app)-\w{6}$/.test(name)) continue;
		const dir = path.join(os.tmpdir(), name);
		try {
			if (Date.now() - fs.statSync(dir).mtimeMs < STALE_AFTER_MS) continue;
			const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
			const pid = fs.existsSync(pidFile) ? Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10) : NaN;
			if (Number.isInteger(pid) && isAliveProcess(pid)) continue;
			fs.rmSync(dir, { recursive: true, force: true });
		} catch {
			// another run is removing it
		}
	}
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export interface RunningServer {
	label: string;
	url: string;
	dataDir: string;
	/** Set only on the very first start of a demo data directory. */
	demoPassword: string | null;
	/** Whether this start ran `vite build` (which replaces assets any earlier server still serves). */
	rebuilt: boolean;
	output(): string;
	stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
	return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Only if our server had to be killed: its PostgreSQL child would otherwise hold the data directory. */
function stopOrphanPostgres(dataDir: string): void {
	const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return;
	const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0], 10);
	if (Number.isInteger(pid) && isAliveProcess(pid)) process.kill(pid, 'SIGINT');
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGINT');
	const timedOut = await Promise.race([exited(child).then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS).unref())]);
	if (timedOut) {
		child.kill('SIGKILL');
		await exited(child);
		stopOrphanPostgres(dataDir);
	}
}

export interface StartOptions {
	/** Where to run `bin/stadtwissen.js` (the app snapshot). */
	appDir: string;
	label: string;
	dataDir: string;
	demo: boolean;
	/** More environment, e.g. SMTP_HOST/SMTP_PORT of the test mailbox. */
	env?: Record<string, string>;
}

/** Starts `stadtwissen serve` on a free port and resolves once it prints "Stadtwissen läuft: <url>". */
export async function startServer(options: StartOptions, attempt = 1): Promise<RunningServer> {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(options.appDir, 'bin/stadtwissen.js'), 'serve'], {
		cwd: options.appDir,
		env: childEnv({
			HOST: '127.0.0.1',
			PORT: String(port),
			STADTWISSEN_DATA_DIR: options.dataDir,
			STADTWISSEN_DEMO: options.demo ? '1' : '0',
			...options.env
		}),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

	const url = await new Promise<string | null>((resolve, reject) => {
		const timer = setTimeout(() => {
			cleanup();
			void stopChild(child, options.dataDir).then(() =>
				reject(new Error(`${options.label}: "Stadtwissen läuft" did not appear within ${START_TIMEOUT_MS / 1000} s. Output:\n${output}`))
			);
		}, START_TIMEOUT_MS);
		const onData = () => {
			const match = READY.exec(output);
			if (match) {
				cleanup();
				resolve(match[1]);
			}
		};
		const onExit = (code: number | null) => {
			cleanup();
			// A port taken between our probe and the server's listen(): try once more.
			if (/ist schon belegt/.test(output) && attempt < 3) resolve(null);
			else reject(new Error(`${options.label}: the server exited (code ${code}) before it was ready. Output:\n${output}`));
		};
		const cleanup = () => {
			clearTimeout(timer);
			child.stdout!.off('data', onData);
			child.off('exit', onExit);
		};
		child.stdout!.on('data', onData);
		child.once('exit', onExit);
	});
	if (url === null) return startServer(options, attempt + 1);

	return {
		label: options.label,
		url,
		dataDir: options.dataDir,
		demoPassword: DEMO_PASSWORD.exec(output)?.[1] ?? null,
		rebuilt: BUILDING.test(output),
		output: () => output,
		stop: () => stopChild(child, options.dataDir)
	};
}

/** Runs the CLI against a data directory (no server may be running on it: the CLI takes the lock). */
export async function runCli(appDir: string, dataDir: string, args: string[], stdin = ''): Promise<string> {
	const child = spawn(process.execPath, [path.join(appDir, 'bin/stadtwissen.js'), ...args], {
		cwd: appDir,
		env: childEnv({ STADTWISSEN_DATA_DIR: dataDir }),
		stdio: ['pipe', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stdin!.end(stdin);
	const timer = setTimeout(() => child.kill('SIGINT'), CLI_TIMEOUT_MS);
	const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
	clearTimeout(timer);
	if (code !== 0) throw new Error(`stadtwissen ${args.join(' ')} failed (exit ${code}):\n${output}`);
	return output;
}
