import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isAlive } from '../src/lib/server/platform/embedded-postgres';
import { startApp, type AppProcess } from './helpers/app-process';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;
let app: AppProcess | undefined;
const METRICS_TOKEN = 'arbeitsprozesse-metriken-0123456789';

const childrenOf = (pid: number) => {
	try {
		return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
	} catch {
		return [];
	}
};

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(() => {
	app?.child.kill('SIGKILL');
});

describe('serving with several worker processes', () => {
	it('answers on one port, replaces a worker that dies, counts all workers in /metrics, and stops every process on Ctrl+C', async () => {
		const port = await freePort();
		app = await startApp({ database: t, port, env: { STADTWISSEN_WORKERS: '2', METRICS_TOKEN }, startTimeoutMs: 840_000 });
		expect(app.output()).toMatch(/2 Arbeitsprozesse/);
		const workers = childrenOf(app.child.pid!);
		expect(workers).toHaveLength(2);

		process.kill(workers[0], 'SIGKILL');
		await app.printed(`Ein Arbeitsprozess (${workers[0]}) wurde beendet (SIGKILL); ein neuer startet.`, 30_000);
		await expect.poll(() => childrenOf(app!.child.pid!).length, { timeout: 30_000 }).toBe(2);
		for (let i = 0; i < 10; i++) expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
		// Round robin spreads the requests over both workers; whichever answers /metrics counts all ten.
		for (let i = 0; i < 2; i++) {
			const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
			const counted = Number(/^stadtwissen_http_requests_total\{group="public",method="GET",status="2xx"\} (\d+)/m.exec(metrics)?.[1]);
			expect(counted, metrics.slice(0, 2000)).toBeGreaterThanOrEqual(10);
		}

		const running = childrenOf(app.child.pid!);
		const exited = new Promise<number | null>((resolve) => app!.child.once('exit', resolve));
		app.child.kill('SIGINT');
		expect(await exited, app.output()).toBe(0);
		for (const pid of running) expect(isAlive(pid)).toBe(false);
		await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
	}, 1_000_000);
});
