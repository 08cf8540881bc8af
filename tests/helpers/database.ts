import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDatabase, type Database } from '../../src/lib/server/db/client';
import { OWNER_ROLE } from '../../src/lib/server/db/roles';

export interface TestDatabase {
	/** The app role's pool: it may read and write rows, nothing more (as the running app). */
	db: Database;
	/** The app role's connection URL (DATABASE_URL of an app started on this database). */
	url: string;
	/** The owner role's connection URL (DATABASE_MIGRATION_URL): migrations, DDL. */
	ownerUrl: string;
}

const renamed = (url: string, database: string) => url.replace(/\/[^/]+$/, `/${database}`);

/** A fresh, migrated database of its own for the calling test file, dropped after it. */
export async function createTestDatabase(): Promise<TestDatabase> {
	const adminUrl = inject('adminUrl');
	const name = `test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name} TEMPLATE stadtwissen_template OWNER ${OWNER_ROLE}`);
	await admin.end();
	const url = renamed(inject('appUrl'), name);
	const db = createDatabase(url, 20);
	afterAll(async () => {
		await db.$client.end();
		const cleanup = new pg.Client({ connectionString: adminUrl });
		await cleanup.connect();
		await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await cleanup.end();
	});
	return { db, url, ownerUrl: renamed(inject('ownerUrl'), name) };
}
