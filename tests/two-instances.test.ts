/**
 * Several instances, one PostgreSQL (issue 19): two real app processes on one database share
 * everything that matters — a session made on one works on the other, and a study closed on one
 * refuses its links on the other at once (nothing cached per instance).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserInOrganisation } from '../src/lib/server/accounts/create-user';
import { createApiToken } from '../src/lib/server/auth/create-api-token';
import { ensureDefaultFramework } from '../src/lib/server/frameworks/default-framework';
import { freePort } from '../src/lib/server/platform/embedded-postgres';
import { startApp, type AppProcess } from './helpers/app-process';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;
const apps: AppProcess[] = [];
let a = '';
let b = '';
const EMAIL = 'inhaberin@zwei-instanzen.test';
const PASSWORD = 'zwei-instanzen-passwort';
let token = '';
let frameworkId = '';

beforeAll(async () => {
	t = await createTestDatabase();
	const { userId, orgId } = await createUserInOrganisation(t.db, { email: EMAIL, name: 'Inhaberin', password: PASSWORD, orgName: 'Zwei Instanzen', role: 'owner' });
	token = (await createApiToken(t.db, { userId, orgId, name: 'Test' })).token;
	frameworkId = await ensureDefaultFramework(t.db);
	const [portA, portB] = [await freePort(), await freePort()];
	apps.push(...(await Promise.all([startApp({ database: t, port: portA }), startApp({ database: t, port: portB })])));
	a = `http://127.0.0.1:${portA}`;
	b = `http://127.0.0.1:${portB}`;
}, 400_000);

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
		expect((await fetch(`${b}${path}`, { redirect: 'manual' })).status).toBe(200);
		await api(b, 'POST', `/studies/${id}/status`, { status: 'closed' });
		const afterClosing = await fetch(`${a}${path}`, { redirect: 'manual' });
		expect(afterClosing.status).not.toBe(200);
		expect(await afterClosing.text()).toMatch(/abgeschlossen|beendet|geschlossen/);
	});
});
