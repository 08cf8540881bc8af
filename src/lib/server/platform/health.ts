import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Liveness for load balancers: true when the database answers. */
export async function databaseAnswers(db: Db): Promise<boolean> {
	try {
		await db.execute(sql`SELECT 1`);
		return true;
	} catch {
		return false;
	}
}
