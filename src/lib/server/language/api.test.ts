/**
 * POST /api/v1/text/check called as SvelteKit calls it, against the embedded PostgreSQL (the rate
 * limit's counters live there): status codes, the documented body and the error documents.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { POST as check } from '../../../routes/api/v1/text/check/+server';
import { closeDatabase } from '../db/client';
import { openApiDocument } from '../openapi/document';
import { TEXT_CHECK_LIMIT } from './check-text';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	process.env.ORIGIN = 'https://stadtwissen.test';
	process.env.STADTWISSEN_ORIGIN = 'https://stadtwissen.test';
	return () => closeDatabase();
});

type ErrorBody = { error?: { code: string; message: string; details: { path?: string; message: string }[] } };

async function post(body: unknown, options: { raw?: string; address?: string } = {}) {
	const url = new URL('/api/v1/text/check', 'https://stadtwissen.test');
	const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: options.raw ?? JSON.stringify(body) });
	const event = { request, url, params: {}, locals: { actor: null, requestId: 'test', locale: 'de' }, getClientAddress: () => options.address ?? '192.0.2.10' };
	const response = await (check as unknown as (event: unknown) => Promise<Response>)(event);
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> & ErrorBody };
}

const INVITATION = 'Die Einladung wird morgen verschickt. Das ISEK gilt für alle Stadtteile.';

describe('POST /api/v1/text/check', () => {
	it('answers 200 with scores, counts and findings whose offsets point into the text', async () => {
		const response = await post({ text: INVITATION });
		expect(response.status).toBe(200);
		const body = response.json as unknown as {
			scores: Record<string, number>;
			counts: Record<string, number>;
			findings: { type: string; start: number; end: number; message: string; suggestion?: string }[];
			summary: { type: string }[];
		};
		expect(Object.keys(body.scores).sort()).toEqual(['fleschAmstad', 'gsmog', 'lix', 'wstf1', 'wstf2', 'wstf3', 'wstf4']);
		expect(body.counts).toMatchObject({ sentences: 2, words: 11 });
		expect(body.findings.map((f) => [f.type, INVITATION.slice(f.start, f.end)])).toEqual([
			['passive', 'wird morgen verschickt'],
			['abbreviation', 'ISEK']
		]);
		expect(body.findings[1].message).toMatch(/nicht erklärt/);
		expect(body.summary.map((s) => s.type)).toEqual(['passive', 'abbreviation']);
	});

	it('applies the rules of Leichte Sprache only when asked', async () => {
		const text = 'Kommen Sie nicht zu spät.';
		expect(((await post({ text })).json.findings as unknown[]).length).toBe(0);
		const withRules = await post({ text, rules: ['leichte-sprache'] });
		expect(withRules.json.findings).toEqual([expect.objectContaining({ type: 'leichte-sprache', start: 11, end: 16 })]);
	});

	it('answers 422 for an empty, blank, over-long or wordless text and unknown rules, and 400 for broken JSON', async () => {
		for (const body of [{}, { text: '' }, { text: '   \n ' }, { text: 42 }]) {
			const response = await post(body);
			expect(response.status, JSON.stringify(body)).toBe(422);
			expect(response.json.error?.code).toBe('validation_failed');
			expect(response.json.error?.details[0]).toMatchObject({ path: 'text', message: 'Bitte geben Sie einen Text ein.' });
		}
		const long = await post({ text: 'Wort '.repeat(20_001) });
		expect(long.status).toBe(422);
		expect(long.json.error?.details[0].message).toMatch(/höchstens 100\.000 Zeichen/);
		const numbers = await post({ text: '2026 – 12.03.' });
		expect(numbers.json.error?.details[0].message).toMatch(/keine Wörter/);
		const rules = await post({ text: 'Hallo.', rules: ['einfach'] });
		expect(rules.status).toBe(422);
		expect(rules.json.error?.details[0].path).toBe('rules[0]');
		const broken = await post(undefined, { raw: '{"text": ' });
		expect(broken.status).toBe(400);
		expect(broken.json.error?.code).toBe('bad_request');
	});

	it('answers 429 with Retry-After once an address has used up its checks, and other addresses go on', async () => {
		await t.db.execute(sql`INSERT INTO rate_limits (key, window_start, hits) VALUES ('text-check:address:198.51.100.7', now(), ${TEXT_CHECK_LIMIT})`);
		const limited = await post({ text: INVITATION }, { address: '198.51.100.7' });
		expect(limited.status).toBe(429);
		expect(limited.json.error?.code).toBe('rate_limited');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await post({ text: INVITATION }, { address: '198.51.100.8' })).status).toBe(200);
	});

	it('is described in the OpenAPI document', () => {
		const document = openApiDocument('https://stadtwissen.test/api/v1');
		const operation = (document.paths as Record<string, { post?: { responses: Record<string, unknown> } }>)['/text/check'].post;
		expect(Object.keys(operation?.responses ?? {})).toEqual(['200', '400', '422', '429']);
	});
});
