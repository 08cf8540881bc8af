import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations } from '../db/schema';
import { hasAnyUser } from '../demo/load-demo';

/** What the start page needs: whether set-up is still due, and the organisations to visit. */
export async function instanceDirectory(db: Db) {
	if (!(await hasAnyUser(db))) return { setUpNeeded: true, organisations: [] };
	return { setUpNeeded: false, organisations: await db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)) };
}
