/**
 * /metrics against the real database: hidden without METRICS_TOKEN, refused with a wrong one, and
 * with the right one Prometheus text with the requests counted per route group, the submissions,
 * the mail outbox and the database pool.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callRoute, serveRoutesFrom } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs } from '../../../../tests/helpers/actors';
import { GET } from '../../../routes/metrics/+server';
import { allItems } from '../../domain/study/questionnaire';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { changeStudyStatus } from '../studies/change-study-status';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { createStudy } from '../studies/create-study';
import { openParticipation } from '../studies/open-participation';
import { submitAnswers } from '../studies/submit-answers';
import { observeRequests } from '../http/observe-requests';
import { createLogger, useLog } from './logger';
import { routeGroup } from './metrics';

const TOKEN = 'metriken-schluessel-0123456789';
let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
	return serveRoutesFrom(t.url);
}, 180_000);
afterEach(() => {
	delete process.env.METRICS_TOKEN;
});

const scrape = (authorization?: string) => {
	const handler = (event: { request: Request }) => {
		const request = new Request(event.request.url, { headers: authorization ? { authorization } : {} });
		return GET({ ...event, request } as never);
	};
	return callRoute(handler, { path: '/metrics' });
};

/** The value of one sample line, e.g. `stadtwissen_http_requests_total{group="questionnaire",method="GET",status="2xx"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
	const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
	const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false);
	return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function request(routeId: string, path: string, status: number) {
	const url = new URL(path, 'https://stadtwissen.test');
	const event = { url, request: new Request(url), route: { id: routeId }, locals: {} } as unknown as RequestEvent;
	await observeRequests({ event, resolve: async () => new Response('', { status }) });
}

describe('/metrics', () => {
	it('does not exist without METRICS_TOKEN', async () => {
		const response = await scrape(`Bearer ${TOKEN}`);
		expect(response.status).toBe(404);
	});

	it('refuses a missing or wrong token with 401', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		expect((await scrape()).status).toBe(401);
		const wrong = await scrape('Bearer falscher-schluessel-0123456789');
		expect(wrong.status).toBe(401);
		expect(wrong.json.error?.message).toMatch(/METRICS_TOKEN/);
	});

	it('counts requests per route group, and shows the mail outbox and the pool', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		const restore = useLog(createLogger({ format: 'json', level: 'silent' }));
		const before = (await scrape(`Bearer ${TOKEN}`)).text;
		const questionnaireBefore = sample(before, 'stadtwissen_http_requests_total', { group: 'questionnaire', status: '2xx' }) || 0;
		for (let i = 0; i < 3; i++) await request('/t/[token]', '/t/geheim', 200);
		await request('/api/v1/studies', '/api/v1/studies', 401);
		restore();
		const owner = new pg.Client({ connectionString: t.ownerUrl });
		await owner.connect();
		await owner.query(`INSERT INTO outbox_mails (recipient, subject, status) VALUES ('a@example.de', 'x', 'pending'), ('b@example.de', 'y', 'pending'), ('c@example.de', 'z', 'failed')`);
		await owner.end();

		const response = await scrape(`Bearer ${TOKEN}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		const text = response.text;
		expect(sample(text, 'stadtwissen_http_requests_total', { group: 'questionnaire', status: '2xx' })).toBe(questionnaireBefore + 3);
		expect(sample(text, 'stadtwissen_http_requests_total', { group: 'api', status: '4xx' })).toBeGreaterThanOrEqual(1);
		expect(sample(text, 'stadtwissen_http_request_duration_seconds_count', { group: 'questionnaire' })).toBeGreaterThanOrEqual(3);
		expect(sample(text, 'stadtwissen_mail_outbox', { status: 'pending' })).toBe(2);
		expect(sample(text, 'stadtwissen_mail_outbox', { status: 'failed' })).toBe(1);
		expect(sample(text, 'stadtwissen_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
		expect(text).toContain('stadtwissen_submissions_total');
		expect(text).toContain('stadtwissen_mail_delivery_failures_total');
		expect(text).not.toContain('geheim');
	});
});

describe('/metrics submissions', () => {
	it('counts each questionnaire handed in once, and a retry with the same Idempotency-Key not again', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		const submitted = async () => sample((await scrape(`Bearer ${TOKEN}`)).text, 'stadtwissen_submissions_total');
		const organiser = await tenantAs(t.db, 'Stadt Messbach', 'organiser');
		const { id } = await createStudy(organiser, { title: 'Gezählte Abgaben', frameworkId: await ensureDefaultFramework(t.db), competences: ['A1.1'] });
		await changeStudyStatus(organiser, id, 'open');
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 2, baseUrl: 'https://stadtwissen.test' });
		const before = await submitted();
		expect(before).toBeGreaterThanOrEqual(0);

		const hand = async (token: string, key: string) => {
			const participation = await openParticipation(t.db, token, '192.0.2.1', { forSubmission: true });
			const answers = allItems(participation.pages).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value: 4 as const }));
			return submitAnswers(t.db, participation, key, { answers, open: {} });
		};
		const key = randomUUID();
		await hand(tokens[0], key);
		expect(await submitted()).toBe(before + 1);
		expect((await hand(tokens[0], key)).replayed).toBe(true);
		await hand(tokens[1], randomUUID());
		expect(await submitted()).toBe(before + 2);
	});
});

describe('route groups', () => {
	it('puts each route into the group an operator watches', () => {
		expect(routeGroup('/t/[token]/seite/[n]')).toBe('questionnaire');
		expect(routeGroup('/api/v1/participate/[token]')).toBe('api');
		expect(routeGroup('/app/analysen/[id]')).toBe('app');
		expect(routeGroup('/app')).toBe('app');
		expect(routeGroup('/katalog')).toBe('public');
		expect(routeGroup('/readyz')).toBe('operations');
		expect(routeGroup('/metrics')).toBe('operations');
		expect(routeGroup(null)).toBe('unmatched');
		expect(routeGroup('/applaus')).toBe('public');
	});
});
