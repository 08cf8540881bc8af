import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { APP_ROLE, OWNER_ROLE } from '../src/lib/server/db/roles';
import { startEmbeddedPostgres } from '../src/lib/server/platform/embedded-postgres';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

/** The PostgreSQL error code a statement fails with, or 'ok'. */
async function outcome(statement: string): Promise<string> {
	try {
		await t.db.$client.query(statement);
		return 'ok';
	} catch (error) {
		return (error as { code?: string }).code ?? String(error);
	}
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe('the role the app connects as', () => {
	it('is neither superuser nor allowed to create databases or roles', async () => {
		const { rows } = await t.db.$client.query<{ rolname: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
			'SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user'
		);
		expect(rows).toEqual([{ rolname: APP_ROLE, rolsuper: false, rolcreatedb: false, rolcreaterole: false }]);
	});

	it('cannot create a table, drop the answers or change a role', async () => {
		expect(await outcome('CREATE TABLE stolen (payload text)')).toBe(INSUFFICIENT_PRIVILEGE);
		expect(await outcome('DROP TABLE answers')).toBe(INSUFFICIENT_PRIVILEGE);
		expect(await outcome(`ALTER ROLE ${APP_ROLE} SUPERUSER`)).toBe(INSUFFICIENT_PRIVILEGE);
		expect(await outcome(`ALTER ROLE ${OWNER_ROLE} PASSWORD 'geraten'`)).toBe(INSUFFICIENT_PRIVILEGE);
		expect(await outcome('TRUNCATE answers')).toBe(INSUFFICIENT_PRIVILEGE);
		// The table is still there and still the app's to read.
		expect(await outcome('SELECT count(*) FROM answers')).toBe('ok');
	});

	it('reads and writes rows and runs the submission function (the grants suffice)', async () => {
		const tables = await t.db.execute<{ relname: string }>(sql`
			SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
				AND NOT has_table_privilege(current_user, oid, 'SELECT, INSERT, UPDATE, DELETE')`);
		expect(tables.rows).toEqual([]);
		expect((await t.db.execute(sql`SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)).rows.length).toBeGreaterThan(10);
		const functions = await t.db.execute<{ proname: string }>(sql`
			SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND NOT has_function_privilege(current_user, oid, 'EXECUTE')`);
		expect(functions.rows).toEqual([]);
		expect((await t.db.execute<{ key: number }>(sql`SELECT submission_lock_key('x') AS key`)).rows).toHaveLength(1);
	});
});

describe('migrating with a table of someone else in the schema', () => {
	it('grants the app role what the owner owns and still starts', async () => {
		const name = new URL(t.url).pathname.slice(1);
		const admin = new pg.Client({ connectionString: inject('adminUrl').replace(/\/postgres$/, `/${name}`) });
		await admin.connect();
		await admin.query('CREATE TABLE public.betreiber_notizen (text text)');
		await admin.end();
		await migrateDatabase(t.ownerUrl, { appRole: APP_ROLE });
		expect(await outcome('SELECT count(*) FROM organisations')).toBe('ok');
		expect(await outcome('SELECT count(*) FROM betreiber_notizen')).toBe(INSUFFICIENT_PRIVILEGE);
	});
});

describe('a data directory from before the app role', () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-roles-'));
	fs.chmodSync(dataDir, 0o755);
	afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	it('gets both roles on its next start, its tables pass to the owner, and the app role reaches them', async () => {
		// The old layout: the superuser owns the database and every table, and there are no other roles.
		const first = await startEmbeddedPostgres({ dataDir, durable: false });
		try {
			const superuserUrl = first.adminUrl.replace(/\/postgres$/, '/stadtwissen');
			const admin = new pg.Client({ connectionString: first.adminUrl });
			await admin.connect();
			await admin.query('ALTER DATABASE stadtwissen OWNER TO CURRENT_USER');
			await admin.query(`DROP ROLE ${APP_ROLE}`);
			await admin.query(`DROP ROLE ${OWNER_ROLE}`);
			await admin.end();
			await migrateDatabase(superuserUrl);
			const old = new pg.Client({ connectionString: superuserUrl });
			await old.connect();
			await old.query(`INSERT INTO organisations (name, slug) VALUES ('Altdaten', 'altdaten')`);
			await old.end();
		} finally {
			await first.stop();
		}
		fs.rmSync(path.join(dataDir, 'postgres-owner-password'));
		fs.rmSync(path.join(dataDir, 'postgres-app-password'));

		const second = await startEmbeddedPostgres({ dataDir, durable: false });
		try {
			await migrateDatabase(second.ownerUrl, { appRole: APP_ROLE });
			const app = new pg.Client({ connectionString: second.url });
			await app.connect();
			try {
				const owners = await app.query<{ owner: string }>(`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`);
				expect(owners.rows).toEqual([{ owner: OWNER_ROLE }]);
				expect((await app.query('SELECT name FROM organisations')).rows).toEqual([{ name: 'Altdaten' }]);
				await app.query(`UPDATE organisations SET name = 'Altdaten (weiter in Gebrauch)'`);
				await expect(app.query('DROP TABLE organisations')).rejects.toMatchObject({ code: INSUFFICIENT_PRIVILEGE });
			} finally {
				await app.end();
			}
		} finally {
			await second.stop();
		}
	});
});

describe('an empty data directory root made private (mktemp -d)', () => {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-private-'));
	afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	it('is taken over instead of refused', async () => {
		expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
		const database = await startEmbeddedPostgres({ dataDir, durable: false });
		try {
			const app = new pg.Client({ connectionString: database.url });
			await app.connect();
			expect((await app.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
			await app.end();
		} finally {
			await database.stop();
		}
	});
});
