import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATION_LOCK_KEY } from './advisory-locks';
import { installJobQueue } from '../jobs/queues';
import { grantAppAccess } from './roles';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle');

export interface MigrateOptions {
	/** The role the app connects as, when it is not the one migrating: it gets row access to every table. */
	appRole?: string;
}

/** Applies migrations and installs the job queue as the owner (`url`), under the advisory lock, then grants the app role its rights. */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
		await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
		const { rows } = await client.query<{ me: string }>('SELECT current_user AS me');
		const appRole = options.appRole && options.appRole !== rows[0].me ? options.appRole : undefined;
		if (appRole) await grantAppAccess(client, appRole);
		// Readiness (/readyz) compares the migration level with this version's: the app role may read it, nothing more.
		if (appRole) await client.query(`GRANT USAGE ON SCHEMA drizzle TO ${client.escapeIdentifier(appRole)}; GRANT SELECT ON drizzle.__drizzle_migrations TO ${client.escapeIdentifier(appRole)}`);
		await installJobQueue(client, appRole);
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
		await client.end();
	}
}

/** The role a connection URL logs in as (asked from the server, so PGUSER and defaults count too). */
export async function roleOf(url: string): Promise<string> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ me: string }>('SELECT current_user AS me');
		return rows[0].me;
	} finally {
		await client.end();
	}
}
