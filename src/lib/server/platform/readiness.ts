import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
// Bundled into the server at build time: the built app finds no drizzle/ folder beside its chunks.
import journal from '../../../../drizzle/meta/_journal.json';

/*
 * Readiness for a load balancer (issue 19): /healthz says the process lives and the database
 * answers; /readyz says this instance should get requests — the database answers AND it is at
 * the migration level this version ships. During a rolling update an instance whose database is
 * behind (not yet migrated) or ahead (a newer version migrated it) is taken out of rotation.
 */

export type Readiness = { ready: true; migrations: number } | { ready: false; reason: string };

/** The migrations this version ships: how many, and the last one's timestamp (drizzle records it as created_at). */
function shippedLevel(): { count: number; last: number } {
	return { count: journal.entries.length, last: journal.entries.at(-1)?.when ?? 0 };
}

export async function readiness(db: Db): Promise<Readiness> {
	try {
		await db.execute(sql`SELECT 1`);
	} catch {
		return { ready: false, reason: 'Die Datenbank antwortet nicht.' };
	}
	const expected = shippedLevel();
	let applied: { count: number; last: number | null };
	try {
		const { rows } = await db.execute(sql`SELECT count(*)::int AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`);
		const row = rows[0] as { count: number; last: string | null };
		applied = { count: row.count, last: row.last === null ? null : Number(row.last) };
	} catch {
		return { ready: false, reason: 'Der Migrationsstand der Datenbank ist nicht lesbar (noch nicht migriert, oder die Rechte fehlen – ein Start mit DATABASE_MIGRATION_URL richtet sie ein).' };
	}
	if (applied.last !== null && applied.last > expected.last)
		return { ready: false, reason: 'Die Datenbank hat einen neueren Stand als diese Version von Stadtwissen. Bitte aktualisieren Sie auch diese Instanz.' };
	if (applied.count < expected.count || applied.last !== expected.last)
		return {
			ready: false,
			reason: `Die Datenbank ist noch nicht auf dem Stand dieser Version (${applied.count} von ${expected.count} Migrationen). Die Migrationen laufen beim Start einer Instanz (npx stadtwissen migrate).`
		};
	return { ready: true, migrations: expected.count };
}
