/**
 * Several instances, one PostgreSQL (issue 19): two real app processes on one database share
 * everything that matters — a session made on one works on the other, failed logins on one count
 * on the other, a background job runs on exactly one of them, and a study closed on one refuses
 * its links on the other at once (nothing cached per instance). Both log JSON lines and serve
 * /metrics as an administrator would run them.
 */
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserInOrganisation } from '../src/lib/server/accounts/create-user';
import { createApiToken } from '../src/lib/server/auth/create-api-token';
import { ensureDefaultFramework } from '../src/lib/server/frameworks/default-framework';
import { outboxMails } from '../src/lib/server/db/schema';
import { JOB_SCHEMA, jobDb, MAIL_RETRY_QUEUE } from '../src/lib/server/jobs/queues';
import { freePort } from '../src/lib/server/platform/embedded-postgres';
import { startApp, type AppProcess } from './helpers/app-process';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { startTestSmtp, type TestSmtp } from './helpers/smtp';

let t: TestDatabase;
const apps: AppProcess[] = [];
let a = '';
let b = '';
const EMAIL = 'inhaberin@zwei-instanzen.test';
const PASSWORD = 'zwei-instanzen-passwort';
let token = '';
let frameworkId = '';
let smtp: TestSmtp;
const METRICS_TOKEN = 'zwei-instanzen-metriken-0123456789';
/** A participant link's path, from the study test: what the logs must never contain. */
let participantPath = '';

beforeAll(async () => {
	t = await createTestDatabase();
	const { userId, orgId } = await createUserInOrganisation(t.db, { email: EMAIL, name: 'Inhaberin', password: PASSWORD, orgName: 'Zwei Instanzen', role: 'owner' });
	token = (await createApiToken(t.db, { userId, orgId, name: 'Test' })).token;
	frameworkId = await ensureDefaultFramework(t.db);
	const [portA, portB] = [await freePort(), await freePort()];
	smtp = await startTestSmtp();
	const env = { LOG_FORMAT: 'json', LOG_LEVEL: 'info', METRICS_TOKEN, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) };
	const startTimeoutMs = 840_000;
	apps.push(...(await Promise.all([startApp({ database: t, port: portA, env, startTimeoutMs }), startApp({ database: t, port: portB, env, startTimeoutMs })])));
	a = `http://127.0.0.1:${portA}`;
	b = `http://127.0.0.1:${portB}`;
}, 900_000);

afterAll(() => {
	for (const app of apps) app.child.kill('SIGKILL');
});

const api = async <T>(base: string, method: string, path: string, body?: unknown) => {
	const response = await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	expect(response.status, `${method} ${path} on ${base}: ${await response.clone().text()}`).toBeLessThan(300);
	return (await response.json()) as T;
};

describe('two instances on one PostgreSQL', () => {
	it('both instances are ready for the load balancer', async () => {
		for (const base of [a, b]) {
			const response = await fetch(`${base}/readyz`);
			expect(response.status).toBe(200);
			expect(await response.json()).toMatchObject({ status: 'ready' });
		}
	});

	it('a session made on one instance works on the other', async () => {
		const login = await fetch(`${a}/anmelden`, {
			method: 'POST',
			redirect: 'manual',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: a },
			body: new URLSearchParams({ email: EMAIL, password: PASSWORD })
		});
		expect(login.status).toBe(303);
		const cookie = /sw_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
		expect(cookie).toBeTruthy();
		const onB = await fetch(`${b}/app`, { redirect: 'manual', headers: { cookie: cookie! } });
		expect(onB.status).toBe(200);
		const withoutSession = await fetch(`${b}/app`, { redirect: 'manual' });
		expect(withoutSession.status).toBe(303);
	});

	it('a study closed on one instance refuses its links on the other at once', async () => {
		const { id } = await api<{ id: string }>(a, 'POST', '/studies', { title: 'Zwei Instanzen', frameworkId, competences: ['A1.1'] });
		await api(a, 'POST', `/studies/${id}/status`, { status: 'open' });
		const { links } = await api<{ links: string[] }>(a, 'POST', `/studies/${id}/invitations`, { group: 'verwaltung', count: 1 });
		const path = new URL(links[0]).pathname;
		participantPath = path;
		expect((await fetch(`${b}${path}`, { redirect: 'manual' })).status).toBe(200);
		await api(b, 'POST', `/studies/${id}/status`, { status: 'closed' });
		const afterClosing = await fetch(`${a}${path}`, { redirect: 'manual' });
		expect(afterClosing.status).not.toBe(200);
		expect(await afterClosing.text()).toMatch(/abgeschlossen|beendet|geschlossen/);
	});

	it('failed logins on one instance count on the other', async () => {
		const attempt = (base: string) =>
			fetch(`${base}/anmelden`, {
				method: 'POST',
				redirect: 'manual',
				headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', origin: base },
				body: new URLSearchParams({ email: 'versuch@zwei-instanzen.test', password: 'falsch-falsch-falsch' })
			});
		// Three failures per account and address are free, the fourth waits 5 s, the fifth 10 s …: three at once on
		// each instance are all free if each counted alone; counted together, three of the six are held back.
		const responses = await Promise.all([a, b, a, b, a, b].map(attempt));
		const statuses = responses.map((response) => response.status);
		expect(statuses.every((status) => status === 401 || status === 429), String(statuses)).toBe(true);
		// Usually three (all six reach the database within 5 s); on a machine so busy that they do not, fewer.
		expect(statuses.filter((status) => status === 429).length, String(statuses)).toBeGreaterThanOrEqual(1);
		const refused = responses.find((response) => response.status === 429)!;
		expect(await refused.text()).toContain('Zu viele Anmeldeversuche');
	});

	it('a background job runs on exactly one instance: each queued mail reaches SMTP once', async () => {
		const subjects = Array.from({ length: 12 }, (_, i) => `Zwei Instanzen, Auftrag ${i + 1}`);
		const rows = await t.db
			.insert(outboxMails)
			.values(subjects.map((subject) => ({ recipient: 'empfang@zwei-instanzen.test', subject, body: 'Ein erneuter Zustellversuch.', status: 'pending' as const })))
			.returning({ id: outboxMails.id });
		const sender = new PgBoss({ db: jobDb(t.db.$client), schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false });
		for (const { id } of rows) expect(await sender.send(MAIL_RETRY_QUEUE, { outboxId: id }, { db: jobDb(t.db.$client) })).toBeTruthy();
		const arrived = () => smtp.to('empfang@zwei-instanzen.test').length;
		for (let waited = 0; arrived() < subjects.length && waited < 60_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
		// Both instances poll the queue every two seconds: give a second delivery time to show up.
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		expect(smtp.to('empfang@zwei-instanzen.test').map((mail) => mail.subject).sort()).toEqual([...subjects].sort());
	}, 90_000);

	it('log lines are JSON with request id, route and status, and never a participant link', async () => {
		expect(participantPath).toMatch(/^\/t\//);
		const token = participantPath.split('/')[2];
		const response = await fetch(`${b}${participantPath}`, { redirect: 'manual', headers: { 'x-request-id': 'lb-zwei-instanzen-1' } });
		expect(response.headers.get('x-request-id')).toBe('lb-zwei-instanzen-1');
		await apps[1].printed('lb-zwei-instanzen-1', 10_000);
		const lines = apps[1]
			.output()
			.split('\n')
			.filter((line) => line.startsWith('{') && line.endsWith('}'))
			.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(lines.find((line) => line.requestId === 'lb-zwei-instanzen-1')).toMatchObject({ msg: 'Anfrage', method: 'GET', route: '/t/[token]', status: response.status });
		for (const app of apps) {
			expect(app.output()).not.toContain(token);
			expect(app.output()).not.toContain(EMAIL);
			expect(app.output()).not.toContain('versuch@zwei-instanzen.test');
		}
	});

	it('/metrics counts the instance’s own requests, behind METRICS_TOKEN', async () => {
		expect((await fetch(`${a}/metrics`)).status).toBe(401);
		const response = await fetch(`${a}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
		expect(response.status).toBe(200);
		const text = await response.text();
		const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
		expect(value(/^stadtwissen_http_requests_total\{group="api",method="POST",status="2xx"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
		expect(value(/^stadtwissen_http_requests_total\{group="public",method="POST",status="4xx"\} (\d+)/m)).toBeGreaterThanOrEqual(3);
		expect(value(/^stadtwissen_http_request_duration_seconds_count\{group="api"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
		// The pool closes idle connections after 10 s: any count, but all three states.
		for (const state of ['total', 'idle', 'waiting']) expect(value(new RegExp(`^stadtwissen_db_pool_connections\\{state="${state}"\\} (\\d+)`, 'm'))).toBeGreaterThanOrEqual(0);
		expect(text).toMatch(/^stadtwissen_mail_outbox\{status="pending"\} \d+/m);
	});
});
