import { sql } from 'drizzle-orm';
import { createSession } from '../auth/create-session';
import { SETUP_LOCK_KEY } from '../db/advisory-locks';
import type { Db } from '../db/client';
import { hasAnyUser } from '../demo/load-demo';
import { AppError } from '../errors';
import { createUserInOrganisation } from './create-user';

/**
 * The empty instance's first owner and organisation; refused once anyone exists. With a password
 * the owner is signed in at once; without one (passwords switched off, single sign-on only) the
 * account has no password and its owner signs in through the provider with this e-mail address.
 */
export async function setUpInstance(db: Db, input: { orgName: string; name: string; email: string; password?: string }) {
	return db.transaction(async (tx) => {
		await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
		if (await hasAnyUser(tx)) throw new AppError('conflict', 'Stadtwissen ist bereits eingerichtet. Bitte melden Sie sich an.');
		const { userId } = await createUserInOrganisation(tx, { ...input, password: input.password ?? null, role: 'owner' });
		return input.password === undefined ? null : createSession(tx, userId);
	});
}
