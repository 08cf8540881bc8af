import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/lib/server/platform/embedded-postgres';
import { startApp, type AppProcess } from './helpers/app-process';

/*
 * Issue 19: with an external DATABASE_URL the app does not start PostgreSQL itself; when that
 * server goes away and comes back (a failover, a restart by the database team), the app answers
 * 503 meanwhile and works again afterwards — without being restarted. The "external" server here
 * is a PostgreSQL of the test's own, stopped and started at the same address.
 */

let dataDir: string;
let database: EmbeddedDatabase | undefined;
let app: AppProcess | undefined;

beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-external-'));
});

afterAll(async () => {
	if (app && app.child.exitCode === null) {
		const exited = new Promise((resolve) => app!.child.once('exit', resolve));
		app.child.kill('SIGINT');
		await exited;
	}
	await database?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('an external PostgreSQL that goes away and comes back', () => {
	it('is used again without restarting the app', async () => {
		const databasePort = await freePort();
		database = await startEmbeddedPostgres({ dataDir, durable: false, port: databasePort });
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		app = await startApp({ database: { url: database.url, ownerUrl: database.ownerUrl }, port, env: { STADTWISSEN_WORKERS: '1' } });
		const ready = () => fetch(`${base}/readyz`, { signal: AbortSignal.timeout(10_000) });
		expect((await ready()).status).toBe(200);

		await database.stop();
		database = undefined;
		const refused = await fetch(`${base}/api/v1/participate/kein-gueltiger-link`, { signal: AbortSignal.timeout(10_000) });
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
		expect((await ready()).status).toBe(503);

		database = await startEmbeddedPostgres({ dataDir, durable: false, port: databasePort });
		await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 250 }).toBe(200);
		expect((await fetch(`${base}/api/v1/participate/kein-gueltiger-link`)).status).toBe(404);
		expect(app.child.exitCode).toBeNull();
	}, 400_000);
});
