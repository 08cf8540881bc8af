import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations, users } from '../db/schema';
import { createUserInOrganisation } from '../accounts/create-user';
import { generatePassword } from '../auth/secrets';
import { membershipsOf } from '../auth/list-memberships';
import { loadStudyDemo } from '../studies/demo';
import { loadFollowUpDemo } from './follow-up-study';
import { loadIdentityDemo } from './identity';
import { loadSelfCheckDemo } from './self-check';
import { loadCatalogueDemo } from '../catalogue/demo';
import { adoptStarterSetFor } from '../glossary/adopt-starter-set';
import { tenantFor } from '../tenant';

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

/**
 * Loads the demo organisation once; returns the generated password only when it created the demo
 * owner, and a participation link to try the questionnaire with.
 */
export async function loadDemo(db: Db, baseUrl = 'http://localhost:3000'): Promise<{ password: string; sampleLink: string } | null> {
	if (await isDemoInstance(db)) return null;
	const password = generatePassword();
	const { userId } = await createUserInOrganisation(db, { email: DEMO_EMAIL, name: 'Demo-Inhaber*in', password, orgName: DEMO_ORG_NAME, role: 'owner' });
	const memberships = await membershipsOf(db, userId);
	const owner = tenantFor(db, { userId, email: DEMO_EMAIL, name: 'Demo-Inhaber*in', via: 'session', org: memberships[0], memberships }, 'org.manage');
	const { sampleLink } = await loadStudyDemo(db, owner, baseUrl);
	await loadFollowUpDemo(db, owner, baseUrl);
	await loadSelfCheckDemo(db, owner, baseUrl);
	await loadCatalogueDemo(db, owner.org.orgId);
	// The demo shows the starter set as agreed, so its questionnaire explains the terms it uses.
	await adoptStarterSetFor(db, { orgId: owner.org.orgId, userId }, 'abgestimmt', ['verwaltung', 'zivilgesellschaft', 'stadtmacher'], new Date());
	// Its own logo, colour and filled-in Impressum, Datenschutz and Barrierefreiheit (issue 17).
	await loadIdentityDemo(owner);
	return { password, sampleLink };
}
