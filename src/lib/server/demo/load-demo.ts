import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { createUserInOrganisation } from '../accounts/create-user';
import { generatePassword } from '../auth/secrets';

export const DEMO_ORG_NAME = 'Stadt Altenburg (Demo)';
export const DEMO_EMAIL = 'demo@stadtwissen.example';

export async function isDemoInstance(db: Db): Promise<boolean> {
	const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, DEMO_ORG_NAME));
	return Boolean(org);
}

export async function hasAnyUser(db: Db): Promise<boolean> {
	const [user] = await db.select({ id: users.id }).from(users).limit(1);
	return Boolean(user);
}

/** Loads the demo organisation once; returns the generated password only when it created the demo owner. */
export async function loadDemo(db: Db): Promise<{ password: string } | null> {
	if (await isDemoInstance(db)) return null;
	const password = generatePassword();
	await createUserInOrganisation(db, { email: DEMO_EMAIL, name: 'Demo-Inhaber*in', password, orgName: DEMO_ORG_NAME, role: 'owner' });
	return { password };
}
