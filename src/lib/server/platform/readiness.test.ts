/**
 * Readiness against the real database: ready only when the database answers and is at this
 * version's migration level; behind, ahead or unreachable is 503 with a German reason.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute, serveRoutesFrom } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { GET } from '../../../routes/readyz/+server';
import { createDatabase } from '../db/client';
import { readiness } from './readiness';

let t: TestDatabase;
let owner: pg.Client;

beforeAll(async () => {
	t = await createTestDatabase();
	owner = new pg.Client({ connectionString: t.ownerUrl });
	await owner.connect();
	return serveRoutesFrom(t.url);
}, 180_000);
afterAll(() => owner?.end());

/** Runs `work` with the migration record changed by `change`, and puts it back afterwards. */
async function withRecord<T>(change: string, work: () => Promise<T>): Promise<T> {
	await owner.query('BEGIN');
	await owner.query('CREATE TEMP TABLE saved AS SELECT * FROM drizzle.__drizzle_migrations');
	await owner.query('COMMIT');
	await owner.query(change);
	try {
		return await work();
	} finally {
		await owner.query('DELETE FROM drizzle.__drizzle_migrations');
		await owner.query('INSERT INTO drizzle.__drizzle_migrations SELECT * FROM saved');
		await owner.query('DROP TABLE saved');
	}
}

describe('/readyz', () => {
	it('is ready at this version’s migration level', async () => {
		const response = await callRoute(GET, { path: '/readyz' });
		expect(response.status).toBe(200);
		expect(response.json).toMatchObject({ status: 'ready' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('is not ready while the database is behind, and says so in German', async () => {
		const response = await withRecord('DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)', () => callRoute(GET, { path: '/readyz' }));
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('5');
		expect(response.json).toMatchObject({ status: 'unavailable', message: expect.stringContaining('noch nicht auf dem Stand dieser Version') });
	});

	it('is not ready when a newer version migrated the database', async () => {
		const state = await withRecord(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('neuer', ${Date.now() + 86_400_000 * 365})`, () => readiness(t.db));
		expect(state).toMatchObject({ ready: false, reason: expect.stringContaining('neueren Stand') });
	});

	it('is not ready when the database does not answer', async () => {
		const gone = createDatabase(t.url.replace(/:\d+\//, ':1/'), 1);
		try {
			expect(await readiness(gone)).toEqual({ ready: false, reason: 'Die Datenbank antwortet nicht.' });
		} finally {
			await gone.$client.end();
		}
	});
});
