import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from './helpers/cli';
import { closeDatabase } from '../src/lib/server/db/client';

/*
 * An administrator runs `npx stadtwissen user …` while the server runs on the same data
 * directory: the CLI uses the server's PostgreSQL instead of refusing. A second process stands in
 * for the server (the same lock, the same embedded PostgreSQL, no web server to build).
 */

let dataDir: string;
let server: ChildProcess;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-beside-'));
	fs.chmodSync(dataDir, 0o755);
	const env: NodeJS.ProcessEnv = { ...process.env, STADTWISSEN_DATA_DIR: dataDir };
	delete env.DATABASE_URL;
	delete env.DATABASE_MIGRATION_URL;
	server = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/hold-data-dir.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('bereit') && resolve());
		server.on('exit', (code) => reject(new Error(`the stand-in server ended with ${code}`)));
	});
	for (const key of ['STADTWISSEN_DATA_DIR', 'DATABASE_URL', 'DATABASE_MIGRATION_URL']) saved[key] = process.env[key];
	process.env.STADTWISSEN_DATA_DIR = dataDir;
	delete process.env.DATABASE_URL;
	delete process.env.DATABASE_MIGRATION_URL;
}, 120_000);

afterAll(async () => {
	await closeDatabase();
	for (const [key, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	await new Promise<void>((resolve) => {
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
	fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** One CLI command in-process, as a fresh `npx stadtwissen …` runs it (no DATABASE_URL left from the one before). */
async function cli(...argv: string[]) {
	delete process.env.DATABASE_URL;
	return runCli(...argv);
}

describe('the CLI beside a running server', () => {
	it('creates a person and resets the password in the running server’s database instead of refusing', async () => {
		// As typed in a terminal: no password piped in, so one is generated.
		const stdin = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
		Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
		onTestFinished(() => {
			if (stdin) Object.defineProperty(process.stdin, 'isTTY', stdin);
			else delete (process.stdin as { isTTY?: boolean }).isTTY;
		});
		const created = await cli('user', 'create', '--email', 'it@kreis.example', '--name', 'IT Kreis', '--org', 'Landkreis Beispiel', '--role', 'owner');
		expect(created.err).toContain(`Stadtwissen läuft bereits mit diesem Datenverzeichnis (Prozess ${server.pid}); der Befehl nutzt dessen Datenbank.`);
		expect(created.code).toBe(0);
		const reset = await cli('user', 'password', '--email', 'it@kreis.example');
		expect(reset.err).not.toContain('Fehler');
		expect(reset.code).toBe(0);
		// The stand-in server still holds the data directory.
		expect(fs.readFileSync(path.join(dataDir, 'stadtwissen.lock'), 'utf8')).toBe(String(server.pid));
	});

	it('refuses a restore while the server runs, saying to stop it first', async () => {
		const restore = await cli('restore', path.join(dataDir, 'irgendeine-sicherung.swb.gz'), '--replace');
		expect(restore.code).toBe(1);
		expect(restore.err).toContain(`Stadtwissen läuft gerade mit diesem Datenverzeichnis (${dataDir}, Prozess ${server.pid}). Beenden Sie den Server zuerst`);
		expect(restore.err).not.toContain('gibt es nicht');
	});

	it('still refuses a second server on the same data directory', async () => {
		delete process.env.DATABASE_URL;
		const { openDatabase } = await import('../src/cli/database');
		await expect(openDatabase({ log: () => {} })).rejects.toThrow(/läuft bereits mit diesem Datenverzeichnis/);
	});
});
