import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { log } from '../observability/logger';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A use case runs on the pool or inside a caller's transaction alike. */
export type Db = Database | Transaction;

export function createDatabase(url: string, poolSize = 10): Database {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle client losing its connection (database restart) must not crash the process.
	pool.on('error', (error) => log().warn({ err: error }, 'PostgreSQL-Verbindung verloren'));
	return drizzle(pool, { schema }) as Database;
}

/** Connections per process unless STADTWISSEN_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

let shared: Database | undefined;

/** The app's pool, created on first use so that `vite build` never connects. */
export function getDatabase(): Database {
	if (!shared) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL ist nicht gesetzt. Starten Sie Stadtwissen mit „npm start“.');
		shared = createDatabase(url, Number(process.env.STADTWISSEN_POOL_SIZE ?? DEFAULT_POOL_SIZE));
	}
	return shared;
}

export async function closeDatabase(): Promise<void> {
	await shared?.$client.end();
	shared = undefined;
}
