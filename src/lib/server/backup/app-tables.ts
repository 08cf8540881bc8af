import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/migrate';

/** The schema whose tables a backup holds (the job queue's `pgboss` schema is rebuilt on start). */
export const BACKUP_SCHEMA = 'public';

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const tableRef = (name: string) => `${quoteIdent(BACKUP_SCHEMA)}.${quoteIdent(name)}`;

export interface AppTable {
	name: string;
	columns: string[];
}

/**
 * The schema's tables in foreign-key order (a table after every table it refers to; references
 * of a table to itself do not order), each with its columns in their order.
 */
export async function appTables(client: pg.ClientBase): Promise<AppTable[]> {
	const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
		`SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
		 FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
		 WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
		 GROUP BY c.relname ORDER BY c.relname`,
		[BACKUP_SCHEMA]
	);
	const { rows: references } = await client.query<{ child: string; parent: string }>(
		`SELECT DISTINCT ch.relname AS child, pa.relname AS parent
		 FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
		 WHERE k.contype = 'f' AND ch.relnamespace = $1::regnamespace AND pa.relnamespace = $1::regnamespace AND ch.oid <> pa.oid`,
		[BACKUP_SCHEMA]
	);
	const ordered: AppTable[] = [];
	const placed = new Set<string>();
	let rest = tables;
	while (rest.length) {
		const ready = rest.filter((table) => references.every((r) => r.child !== table.name || placed.has(r.parent)));
		// A cycle of foreign keys (none today) is loaded as it comes; the restore would name the table.
		const next = ready.length ? ready : [rest[0]];
		for (const table of next) {
			ordered.push(table);
			placed.add(table.name);
		}
		rest = rest.filter((table) => !placed.has(table.name));
	}
	return ordered;
}

/** Sequences of the schema with their current value (read by the backup, set by the restore). */
export async function appSequences(client: pg.ClientBase): Promise<{ name: string; value: string; isCalled: boolean }[]> {
	const { rows } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'S' ORDER BY relname`, [
		BACKUP_SCHEMA
	]);
	const sequences = [];
	for (const { name } of rows) {
		const { rows: state } = await client.query<{ value: string; isCalled: boolean }>(`SELECT last_value::text AS value, is_called AS "isCalled" FROM ${tableRef(name)}`);
		sequences.push({ name, ...state[0] });
	}
	return sequences;
}

export interface Migration {
	tag: string;
	hash: string;
	folderMillis: number;
	sql: string[];
}

/** The migrations this version ships, in order (drizzle's journal). */
export function shippedMigrations(): Migration[] {
	const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration, i) => ({
		tag: journal.entries[i].tag,
		hash: migration.hash,
		folderMillis: migration.folderMillis,
		sql: migration.sql
	}));
}

/** How many migrations the database has applied (drizzle records each in drizzle.__drizzle_migrations), and the last one. */
export async function migrationLevel(client: pg.ClientBase): Promise<{ count: number; tag: string | null; hash: string | null }> {
	const { rows: exists } = await client.query(`SELECT 1 FROM pg_class WHERE oid = to_regclass('drizzle.__drizzle_migrations')`);
	if (!exists.length) return { count: 0, tag: null, hash: null };
	const { rows } = await client.query<{ hash: string; createdAt: string }>(`SELECT hash, created_at::text AS "createdAt" FROM drizzle.__drizzle_migrations ORDER BY created_at`);
	const last = rows.at(-1);
	const tag = last ? (shippedMigrations().find((migration) => String(migration.folderMillis) === last.createdAt)?.tag ?? null) : null;
	return { count: rows.length, tag, hash: last?.hash ?? null };
}

/** Applies migrations as drizzle's migrator would (statements, then its record), but inside the caller's transaction. */
export async function applyMigrations(client: pg.ClientBase, migrations: Migration[]): Promise<void> {
	await client.query('CREATE SCHEMA IF NOT EXISTS drizzle');
	await client.query('CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
	for (const migration of migrations) {
		for (const statement of migration.sql) await client.query(statement);
		await client.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [migration.hash, migration.folderMillis]);
	}
}
