/**
 * A database that does not answer is an outage, not a bug: 503 with Retry-After and a calm German
 * sentence, on the API and on pages, instead of a 500. Errors come from a real pg client talking
 * to a port where no PostgreSQL listens.
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForSession } from '../auth/actor-for-session';
import { databaseGuard } from '../http/database-guard';
import { POST as checkText } from '../../../routes/api/v1/text/check/+server';
import { closeDatabase, getDatabase } from './client';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './unavailable';

let deadUrl: string;
const saved = { url: process.env.DATABASE_URL, origin: process.env.ORIGIN };

beforeAll(async () => {
	// A port that was free a moment ago: nothing listens there.
	const port = await new Promise<number>((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const address = server.address() as net.AddressInfo;
			server.close(() => resolve(address.port));
		});
	});
	deadUrl = `postgres://nobody:secret@127.0.0.1:${port}/stadtwissen`;
});

afterAll(async () => {
	await closeDatabase();
	if (saved.url === undefined) delete process.env.DATABASE_URL;
	else process.env.DATABASE_URL = saved.url;
	if (saved.origin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = saved.origin;
});

describe('an unreachable database', () => {
	it('is told apart from errors that are bugs', async () => {
		const client = new pg.Client({ connectionString: deadUrl });
		const refused = await client.connect().then(
			() => null,
			(error: unknown) => error
		);
		expect(isDatabaseUnavailable(refused)).toBe(true);
		expect(isDatabaseUnavailable(new Error('wrapped', { cause: refused }))).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
	});

	it('answers the API with 503, Retry-After and the JSON error document', async () => {
		await closeDatabase();
		process.env.DATABASE_URL = deadUrl;
		process.env.ORIGIN = 'https://stadtwissen.test';
		const url = new URL('/api/v1/text/check', 'https://stadtwissen.test');
		const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Ein kurzer Satz.' }) });
		const event = { request, url, params: {}, locals: { actor: null, requestId: 'test', locale: 'de' }, getClientAddress: () => '192.0.2.10' };
		const response = await (checkText as unknown as (event: unknown) => Promise<Response>)(event);
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
		expect(await response.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringContaining('Datenbank nicht antwortet') } });
	});

	it('answers a signed-in page with a calm German 503 page when the session cannot be read', async () => {
		await closeDatabase();
		process.env.DATABASE_URL = deadUrl;
		const url = new URL('/app', 'https://stadtwissen.test');
		const event = { request: new Request(url), url, locals: { requestId: 'test' } };
		// What the authenticate hook does first for a request with a session cookie.
		const response = await databaseGuard({ event: event as never, resolve: async () => (await actorForSession(getDatabase(), 'sws_irgendein-token'), new Response('Seite')) });
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
		expect(await response.text()).toContain('Gleich wieder da');
	});
});
