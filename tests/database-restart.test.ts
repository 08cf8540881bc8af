import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems } from '../src/lib/domain/study/questionnaire';
import { createDatabase, type Database } from '../src/lib/server/db/client';
import { ensureDefaultFramework } from '../src/lib/server/frameworks/default-framework';
import { freePort, isAlive, runningServerDatabase } from '../src/lib/server/platform/embedded-postgres';
import { changeStudyStatus } from '../src/lib/server/studies/change-study-status';
import { createInvitationBatch } from '../src/lib/server/studies/create-invitation-batch';
import { createStudy } from '../src/lib/server/studies/create-study';
import { openParticipation } from '../src/lib/server/studies/open-participation';
import { tenantAs } from './helpers/actors';
import { startApp, type AppProcess } from './helpers/app-process';

/*
 * Issue 19: the embedded PostgreSQL dies under the running app (kill -9 of the postmaster, as the
 * OOM killer does). Requests meanwhile get 503 with Retry-After — never a 500, never a hang — the
 * app starts PostgreSQL again by itself, and a questionnaire sent afterwards counts.
 */

let dataDir: string;
let app: AppProcess | undefined;
const pools: Database[] = [];

/** The app's own database, as the CLI beside a running server finds it. */
function connect(): Database {
	const running = runningServerDatabase(dataDir);
	if (!running) throw new Error(`no running server found in the data directory: ${fs.readdirSync(dataDir).join(', ')} ${app?.output()}`);
	const db = createDatabase(running.url, 2);
	pools.push(db);
	return db;
}

beforeAll(() => {
	// As `mktemp -d` makes it (0700): as root, the empty directory is taken over for PostgreSQL's system user.
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-restart-'));
});

afterAll(async () => {
	for (const db of pools) await db.$client.end().catch(() => {});
	if (app && app.child.exitCode === null) {
		const exited = new Promise((resolve) => app!.child.once('exit', resolve));
		app.child.kill('SIGINT');
		await exited;
	}
	fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);


interface Answer {
	status: number;
	retryAfter: string | null;
	text: string;
}
describe('PostgreSQL dies under the running app', () => {
	it('answers 503 with Retry-After meanwhile, starts PostgreSQL again and counts a submission afterwards', async () => {
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		app = await startApp({ dataDir, port, env: { STADTWISSEN_WORKERS: '1' } });

		const seeding = connect();
		const organiser = await tenantAs(seeding, 'Stadt Neustart', 'organiser');
		const frameworkId = await ensureDefaultFramework(seeding);
		const { id: studyId } = await createStudy(organiser, { title: 'Neustart', frameworkId, competences: ['A1.1', 'A2.1'] });
		await changeStudyStatus(organiser, studyId, 'open');
		const { tokens } = await createInvitationBatch(organiser, { studyId, group: 'verwaltung', count: 2, baseUrl: base });
		const items = allItems((await openParticipation(seeding, tokens[0], '127.0.0.1')).pages);
		await seeding.$client.end();
		pools.pop();
		expect((await fetch(`${base}/api/v1/participate/${tokens[0]}`)).status).toBe(200);

		const postmaster = Number.parseInt(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
		process.kill(postmaster, 'SIGKILL');
		await expect.poll(() => isAlive(postmaster)).toBe(false);

		// A kept-alive connection the server closed just as the next request went out is tried again once, as browsers do; a second failure fails the test.
		const once = (url: string, init: RequestInit) =>
			fetch(url, init).catch(() =>
				fetch(url, init).catch((error: unknown) => {
					throw new Error(`${url} failed twice: ${String(error)}\n${app!.output()}`, { cause: error });
				})
			);
		// Until /readyz says ready again: a submission (always the same, so it counts once) and a page at a time, each bounded.
		const answers = JSON.stringify({ answers: items.map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value: 4 })) });
		const probeKey = randomUUID();
		// Read at once: the bodies must not outlive the requests' time bound.
		const read = async (response: Response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() });
		const seen = { api: [] as Answer[], page: [] as Answer[] };
		const deadline = Date.now() + 90_000;
		for (;;) {
			expect(Date.now(), app.output()).toBeLessThan(deadline);
			const bounded = { signal: AbortSignal.timeout(10_000), redirect: 'manual' } as const;
			const [api, page, ready] = await Promise.all([
				once(`${base}/api/v1/participate/${tokens[1]}`, { ...bounded, method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': probeKey }, body: answers }),
				once(`${base}/t/${tokens[0]}`, bounded),
				once(`${base}/readyz`, bounded)
			]);
			seen.api.push(await read(api));
			seen.page.push(await read(page));
			if (ready.status === 200 && seen.api.some((r) => r.status === 503)) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(app.output()).toMatch(/PostgreSQL wurde unerwartet beendet \(SIGKILL\)/);
		await app.printed('PostgreSQL läuft wieder.', 1000);

		for (const response of seen.api) expect([201, 503]).toContain(response.status);
		for (const response of seen.page) expect([200, 503]).toContain(response.status);
		const refusedApi = seen.api.find((r) => r.status === 503)!;
		expect(refusedApi.retryAfter).toMatch(/^\d+$/);
		expect(JSON.parse(refusedApi.text)).toMatchObject({ error: { code: 'unavailable', message: expect.stringContaining('Datenbank') } });
		// The page was asked together with the API each time, so it met the outage too.
		const refusedPage = seen.page.find((r) => r.status === 503);
		expect(refusedPage, `pages seen: ${seen.page.map((r) => r.status).join(', ')}`).toBeDefined();
		expect(refusedPage!.retryAfter).toMatch(/^\d+$/);
		// The questionnaire says calmly what happened, not "Etwas ist schiefgegangen".
		const html = refusedPage!.text;
		expect(html).toContain('Gleich wieder da');
		expect(html).toContain('es ist nichts verloren gegangen');

		const submitted = await fetch(`${base}/api/v1/participate/${tokens[0]}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
			body: answers
		});
		expect(submitted.status, await submitted.clone().text()).toBe(201);
		const counted = await connect().execute<{ n: number }>(sql`SELECT coalesce(sum(finished), 0)::int n FROM participation_counters WHERE study_id = ${studyId}`);
		// The probe once more (same key, counted once whether or not an earlier try got through) and this one.
		const probe = await fetch(`${base}/api/v1/participate/${tokens[1]}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': probeKey }, body: answers });
		expect(probe.status).toBe(201);
		expect(counted.rows[0].n).toBe(2);
	}, 400_000);
});
