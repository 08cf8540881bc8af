import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/lib/server/platform/embedded-postgres';
import { allItems } from '../src/lib/domain/study/questionnaire';
import { ensureDefaultFramework } from '../src/lib/server/frameworks/default-framework';
import { createInvitationBatch } from '../src/lib/server/studies/create-invitation-batch';
import { changeStudyStatus } from '../src/lib/server/studies/change-study-status';
import { createStudy } from '../src/lib/server/studies/create-study';
import { openParticipation } from '../src/lib/server/studies/open-participation';
import { tenantAs } from './helpers/actors';
import { startApp } from './helpers/app-process';
import { createTestDatabase, type TestDatabase } from './helpers/database';

const SUBMISSIONS = 200;
let t: TestDatabase;
let server: ChildProcess | undefined;

/** Two worker processes: a kill -9 of the main process must take them down too, or the restart finds the port taken. */
const startServer = async (port: number) => (await startApp({ database: t, port, env: { STADTWISSEN_WORKERS: '2' } })).child;

beforeAll(async () => {
	t = await createTestDatabase();
});

afterAll(() => {
	server?.kill('SIGKILL');
});

describe('durability of submissions', () => {
	it('a kill -9 while 20 clients send 200 questionnaires loses no acknowledged answer and counts none twice', async () => {
		const organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
		const frameworkId = await ensureDefaultFramework(t.db);
		const { id: studyId } = await createStudy(organiser, { title: 'Belastungsprobe', frameworkId, competences: ['A1.1', 'A2.1', 'A3.1', 'A4.1', 'A5.1'] });
		await changeStudyStatus(organiser, studyId, 'open');
		const { tokens } = await createInvitationBatch(organiser, { studyId, group: 'verwaltung', count: SUBMISSIONS, baseUrl: 'http://x' });
		const items = allItems((await openParticipation(t.db, tokens[0], '127.0.0.1')).pages);
		const submissions = tokens.map((token, i) => ({
			token,
			key: randomUUID(),
			body: JSON.stringify({ answers: items.map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value: (i % 5) + 1 })) })
		}));

		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const post = (s: (typeof submissions)[number]) =>
			fetch(`${base}/api/v1/participate/${s.token}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': s.key }, body: s.body }).then(
				async (response) => ({ status: response.status, receipt: response.status === 201 ? ((await response.json()) as { receipt: string }).receipt : null }),
				() => ({ status: 0, receipt: null })
			);

		server = await startServer(port);
		const acknowledged = new Map<string, string>();
		let answered = 0;
		// 20 clients at a time: when the process dies, some submissions are in flight and most not yet sent.
		const queue = [...submissions];
		const client = async () => {
			for (let s = queue.shift(); s; s = queue.shift()) {
				const result = await post(s);
				if (result.receipt) acknowledged.set(s.key, result.receipt);
				answered += 1;
				if (answered === 40) server!.kill('SIGKILL');
			}
		};
		const exited = new Promise((resolve) => server!.once('exit', resolve));
		await Promise.all(Array.from({ length: 20 }, client));
		await exited;
		expect(acknowledged.size).toBeGreaterThan(0);
		expect(acknowledged.size).toBeLessThan(SUBMISSIONS);

		server = await startServer(port);
		const retried = await Promise.all(submissions.map((s) => post(s).then((result) => ({ key: s.key, ...result }))));
		for (const result of retried) {
			expect(result.status, `retry of ${result.key}`).toBe(201);
			if (acknowledged.has(result.key)) expect(result.receipt).toBe(acknowledged.get(result.key));
		}
		server.kill('SIGINT');
		await changeStudyStatus(organiser, studyId, 'closed');

		const finished = await t.db.execute<{ n: number }>(sql`SELECT coalesce(sum(finished), 0)::int n FROM participation_counters WHERE study_id = ${studyId}`);
		expect(finished.rows[0].n).toBe(SUBMISSIONS);
		const perItem = await t.db.execute<{ total: number }>(sql`
			SELECT sum(c1 + c2 + c3 + c4 + c5 + dont_know)::int total FROM result_counters WHERE study_id = ${studyId} GROUP BY competence, measure, horizon`);
		expect(perItem.rows).toHaveLength(items.length);
		for (const row of perItem.rows) expect(row.total).toBe(SUBMISSIONS);
		const responses = await t.db.execute<{ n: number }>(sql`SELECT count(DISTINCT response_id)::int n FROM answers WHERE study_id = ${studyId}`);
		expect(responses.rows[0].n).toBe(SUBMISSIONS);
		const receipts = await t.db.execute<{ receipt: string }>(sql`SELECT receipt FROM submission_receipts WHERE study_id = ${studyId}`);
		expect(new Set(receipts.rows.map((r) => r.receipt))).toEqual(new Set(retried.map((r) => r.receipt)));
	}, 600_000);
});
