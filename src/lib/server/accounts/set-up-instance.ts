import { sql } from 'drizzle-orm';
import { createSession } from '../auth/create-session';
import { SETUP_LOCK_KEY } from '../db/advisory-locks';
import type { Db } from '../db/client';
import { hasAnyUser } from '../demo/load-demo';
import { AppError } from '../errors';
import { createUserInOrganisation } from './create-user';

/** The empty instance's first owner and organisation, signed in at once; refused once anyone exists. */
export async function setUpInstance(db: Db, input: { orgName: string; name: string; email: string; password: string }) {
	return db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
		if (await hasAnyUser(tx)) throw new AppError('conflict', 'Stadtwissen ist bereits eingerichtet. Bitte melden Sie sich an.');
		const { userId } = await createUserInOrganisation(tx, { ...input, role: 'owner' });
		return createSession(tx, userId);
	});
}
