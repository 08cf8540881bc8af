/**
 * The catalogue's /api/v1 endpoints and its public registration form, called as SvelteKit calls them:
 * status codes, bodies and the error documents.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs } from '../../../../tests/helpers/actors';
import { callRoute } from '../../../../tests/helpers/api-route';
import { GET as listModules, POST as createModule } from '../../../routes/api/v1/modules/+server';
import { GET as getModule } from '../../../routes/api/v1/modules/[id]/+server';
import { POST as createSession } from '../../../routes/api/v1/modules/[id]/sessions/+server';
import { POST as register } from '../../../routes/api/v1/sessions/[id]/registrations/+server';
import { GET as calendar } from '../../../routes/api/v1/sessions/[id].ics/+server';
import { DELETE as cancel } from '../../../routes/api/v1/registrations/[cancelToken]/+server';
import { actions as publicSessionPage } from '../../../routes/katalog/termin/[sessionId]/+page.server';
import { hitRateLimit } from '../auth/rate-limit';
import { openApiDocument } from '../openapi/document';
import { catalogueModules, catalogueRegistrations } from '../db/schema';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { closeDatabase } from '../db/client';
import { REGISTRATION_LIMIT } from './registration-intake';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let facilitator: TenantContext;
let other: TenantContext;

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	// The handlers get requests for https://stadtwissen.test: that is this instance's configured address.
	process.env.ORIGIN = 'https://stadtwissen.test';
	process.env.STADTWISSEN_ORIGIN = 'https://stadtwissen.test';
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate');
	other = await tenantAs(t.db, 'Stadt Gera', 'organiser');
	return () => closeDatabase();
});

const call = callRoute;

const module = { title: 'Macht Stadt gemeinsam!', description: 'Text', format: 'workshop', competences: [{ code: 'A3.2', level: 'kennenlernen' }], status: 'published' };
const inDays = (days: number, hour = 8) => new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();

describe('POST /api/v1/modules', () => {
	it('needs an organiser token: 401 without, 403 for a facilitator, 201 with the id', async () => {
		expect((await call(createModule, { path: '/api/v1/modules', method: 'POST', body: module })).status).toBe(401);
		const forbidden = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: module, actor: facilitator.actor });
		expect(forbidden.status).toBe(403);
		expect(forbidden.json.error?.code).toBe('forbidden');
		const created = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: module, actor: organiser.actor });
		expect(created.status).toBe(201);
		expect(Object.keys(created.json)).toEqual(['id']);
		const [row] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, String(created.json.id)));
		expect(row).toMatchObject({ orgId: organiser.org.orgId, status: 'published', format: 'workshop' });
	});

	it('answers 400 for broken JSON and 422 with details for invalid content, writing nothing', async () => {
		const before = (await t.db.select().from(catalogueModules)).length;
		const broken = await call(createModule, { path: '/api/v1/modules', method: 'POST', raw: '{"title": ', actor: organiser.actor });
		expect(broken.status).toBe(400);
		expect(broken.json.error?.code).toBe('bad_request');
		const invalid = await call(createModule, {
			path: '/api/v1/modules',
			method: 'POST',
			body: { title: '<script>alert(1)</script>'.repeat(20), format: 'seminar', competences: [{ code: 'A3.2', level: 'meistern' }], status: 'archived' },
			actor: organiser.actor
		});
		expect(invalid.status).toBe(422);
		expect(invalid.json.error?.code).toBe('validation_failed');
		expect(invalid.json.error?.details.map((d) => d.path).sort()).toEqual(['competences[0].level', 'format', 'status', 'title']);
		expect(invalid.json.error?.message).toMatch(/unvollständig oder ungültig/);
		const unknownCode = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: { ...module, competences: [{ code: 'X1', level: 'anwenden' }] }, actor: organiser.actor });
		expect(unknownCode.status).toBe(422);
		expect(unknownCode.json.error?.details[0]).toMatchObject({ path: 'competences[0].code' });
		expect((await t.db.select().from(catalogueModules)).length).toBe(before);
	});
});

describe('sessions, registrations, calendar', () => {
	it('runs the whole journey over the API with the documented status codes', async () => {
		const { json: createdModule } = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: module, actor: organiser.actor });
		const moduleId = String(createdModule.id);
		const sessionBody = { start: inDays(20), end: inDays(20, 14), location: 'Rathaus Altenburg', capacity: 1 };

		// Another organisation's module: 404, even before the body is looked at.
		expect((await call(createSession, { path: `/api/v1/modules/${moduleId}/sessions`, method: 'POST', params: { id: moduleId }, body: {}, actor: other.actor })).status).toBe(404);
		const invalid = await call(createSession, { path: `/api/v1/modules/${moduleId}/sessions`, method: 'POST', params: { id: moduleId }, body: { start: 'morgen', capacity: -1 }, actor: organiser.actor });
		expect(invalid.status).toBe(422);
		expect(invalid.json.error?.details.map((d) => d.path)).toEqual(expect.arrayContaining(['start', 'capacity']));
		const created = await call(createSession, { path: `/api/v1/modules/${moduleId}/sessions`, method: 'POST', params: { id: moduleId }, body: sessionBody, actor: organiser.actor });
		expect(created.status).toBe(201);
		const sessionId = String(created.json.id);

		const path = `/api/v1/sessions/${sessionId}/registrations`;
		const first = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'Anna', email: 'anna@example.org', organisation: 'Stadt', group: 'verwaltung' } });
		expect(first.status).toBe(201);
		expect(first.json).toMatchObject({ status: 'pending_confirmation' });
		expect(String(first.json.holdUntil)).toMatch(/[+-]0[12]:00$/);
		const second = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'Ben', email: 'ben@example.org', organisation: '', group: 'politik' } });
		expect(second.status).toBe(201);
		expect(second.json).toMatchObject({ status: 'waitlisted', position: 1 });
		const duplicate = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'Anna', email: 'ANNA@example.org', group: 'verwaltung' } });
		expect(duplicate.status).toBe(409);
		const badGroup = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'C', email: 'c@example.org', group: 'alle', consent: false } });
		expect(badGroup.status).toBe(422);
		expect(badGroup.json.error?.details.map((d) => d.path).sort()).toEqual(['consent', 'group']);
		expect((await call(register, { path: '/api/v1/sessions/x/registrations', method: 'POST', params: { id: 'x' }, body: { name: 'C', email: 'c@example.org', group: 'kultur' } })).status).toBe(404);
		// The organiser's own token registers at once (confirmed, or waiting list when full).
		const byOrganiser = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'Dora', email: 'dora@example.org', group: 'kultur' }, actor: organiser.actor });
		expect(byOrganiser.json).toMatchObject({ status: 'waitlisted', position: 2 });

		const ics = await call(calendar, { path: `/api/v1/sessions/${sessionId}.ics`, params: { id: sessionId } });
		expect(ics.status).toBe(200);
		expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(ics.text).toContain('BEGIN:VEVENT');
		expect((await call(calendar, { path: '/api/v1/sessions/nope.ics', params: { id: 'nope' } })).status).toBe(404);

		const [mail] = smtp.to('anna@example.org');
		const token = /\/katalog\/anmeldung\/(swr_[A-Za-z0-9_-]+)/.exec(mail.text)![1];
		const cancelled = await call(cancel, { path: `/api/v1/registrations/${token}`, method: 'DELETE', params: { cancelToken: token } });
		expect(cancelled).toMatchObject({ status: 200, json: { id: first.json.id, status: 'cancelled' } });
		expect((await call(cancel, { path: `/api/v1/registrations/${token}`, method: 'DELETE', params: { cancelToken: token } })).status).toBe(200);
		expect((await call(cancel, { path: '/api/v1/registrations/swr_unbekannt', method: 'DELETE', params: { cancelToken: 'swr_unbekannt' } })).status).toBe(404);
		const [ben] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'ben@example.org'));
		expect(ben.status).toBe('offered');

		// Closing registration: 409.
		await t.db.execute(`UPDATE catalogue_sessions SET status = 'closed' WHERE id = '${sessionId}'`);
		const closed = await call(register, { path, method: 'POST', params: { id: sessionId }, body: { name: 'E', email: 'e@example.org', group: 'kultur' } });
		expect(closed.status).toBe(409);
		expect(closed.json.error?.message).toBe('Die Anmeldung für diesen Termin ist geschlossen.');
	});
});

describe('the public registration form', () => {
	async function submit(sessionId: string, fields: Record<string, string>, address: string): Promise<{ result?: unknown; thrown?: unknown }> {
		const url = new URL(`/katalog/termin/${sessionId}`, 'https://stadtwissen.test');
		const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields) });
		const event = { request, url, params: { sessionId }, locals: { actor: null, requestId: 'test', locale: 'de' }, getClientAddress: () => address };
		return (publicSessionPage.default as (event: unknown) => Promise<unknown>)(event).then(
			(result) => ({ result }),
			(thrown: unknown) => ({ thrown })
		);
	}

	it('redirects after registering, and refuses an address over its hourly limit with the form kept', async () => {
		const { json: created } = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: module, actor: organiser.actor });
		const moduleId = String(created.id);
		const { json: session } = await call(createSession, { path: `/api/v1/modules/${moduleId}/sessions`, method: 'POST', params: { id: moduleId }, body: { start: inDays(25), end: inDays(25, 14), location: 'Rathaus', capacity: 5 }, actor: organiser.actor });
		const sessionId = String(session.id);
		const person = { name: 'Frida', email: 'frida@example.org', organisation: '', group: 'kultur', consent: 'yes' };

		const done = await submit(sessionId, person, '203.0.113.5');
		expect(done.thrown).toMatchObject({ status: 303, location: `/katalog/termin/${sessionId}?angemeldet=pending_confirmation` });

		for (let i = 0; i < REGISTRATION_LIMIT; i++) await hitRateLimit(t.db, 'catalogue-register:203.0.113.6', REGISTRATION_LIMIT, 3600);
		const limited = await submit(sessionId, { ...person, email: 'gustav@example.org' }, '203.0.113.6');
		expect(limited.result).toMatchObject({ status: 429, data: { message: expect.stringContaining('Von Ihrem Netzwerk'), values: { email: 'gustav@example.org' } } });
	});
});

describe('GET /api/v1/modules', () => {
	it('lists published modules of every organisation, filters them, and 422s a bad filter', async () => {
		await call(createModule, { path: '/api/v1/modules', method: 'POST', body: { ...module, title: 'Geraer Reallabor', format: 'reallabor' }, actor: other.actor });
		await call(createModule, { path: '/api/v1/modules', method: 'POST', body: { ...module, title: 'Entwurf', status: 'draft' }, actor: other.actor });
		const all = await call(listModules, { path: '/api/v1/modules' });
		const titles = (all.json.modules as { title: string }[]).map((m) => m.title);
		expect(titles).toContain('Geraer Reallabor');
		expect(titles).not.toContain('Entwurf');
		const gera = await call(listModules, { path: '/api/v1/modules?org=stadt-gera&format=reallabor' });
		expect((gera.json.modules as { title: string; organisation: { slug: string } }[]).map((m) => [m.title, m.organisation.slug])).toEqual([['Geraer Reallabor', 'stadt-gera']]);
		const bad = await call(listModules, { path: '/api/v1/modules?format=seminar' });
		expect(bad.status).toBe(422);
		expect(bad.json.error?.details[0].path).toBe('format');
	});

	it('shows a draft only to its own organisation', async () => {
		const { json } = await call(createModule, { path: '/api/v1/modules', method: 'POST', body: { ...module, status: 'draft' }, actor: organiser.actor });
		const id = String(json.id);
		expect((await call(getModule, { path: `/api/v1/modules/${id}`, params: { id } })).status).toBe(404);
		expect((await call(getModule, { path: `/api/v1/modules/${id}`, params: { id }, actor: other.actor })).status).toBe(404);
		const own = await call(getModule, { path: `/api/v1/modules/${id}`, params: { id }, actor: facilitator.actor });
		expect(own.status).toBe(200);
		expect(own.json).toMatchObject({ id, status: 'draft', competences: [{ code: 'A3.2', level: 'kennenlernen' }] });
	});
});

describe('OpenAPI', () => {
	it('describes every catalogue endpoint', () => {
		const paths = openApiDocument('https://stadtwissen.test/api/v1').paths as Record<string, Record<string, unknown>>;
		expect(Object.keys(paths['/modules'])).toEqual(['get', 'post']);
		for (const path of ['/modules/{id}', '/modules/{id}/sessions', '/sessions/{id}/registrations', '/sessions/{id}.ics', '/registrations/{cancelToken}']) expect(paths[path], path).toBeDefined();
	});
});
