import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDatabase, type Database } from '../../src/lib/server/db/client';

export interface TestDatabase {
	db: Database;
	url: string;
}

/** A fresh, migrated database of its own for the calling test file, dropped after it. */
export async function createTestDatabase(): Promise<TestDatabase> {
	const adminUrl = inject('adminUrl');
	const name = `test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name} TEMPLATE stadtwissen_template`);
	await admin.end();
	const url = adminUrl.replace(/\/postgres$/, `/${name}`);
	const db = createDatabase(url, 20);
	afterAll(async () => {
		await db.$client.end();
		const cleanup = new pg.Client({ connectionString: adminUrl });
		await cleanup.connect();
		await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await cleanup.end();
	});
	return { db, url };
}
