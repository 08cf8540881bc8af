import { createUserInOrganisation } from '../../src/lib/server/accounts/create-user';
import type { Role } from '../../src/lib/roles';
import type { Database } from '../../src/lib/server/db/client';
import { systemContext, type RequestContext } from '../../src/lib/server/context';
import { tenantFor, type TenantContext } from '../../src/lib/server/tenant';
import type { Permission } from '../../src/lib/server/auth/actor';
import { membershipsOf } from '../../src/lib/server/auth/list-memberships';

let counter = 0;

/** A person with `role` in `orgName`, as the tenant context a use case receives. */
export async function tenantAs(db: Database, orgName: string, role: Role, permission: Permission = 'org.manage'): Promise<TenantContext> {
	counter += 1;
	const email = `person${counter}-${role}@${orgName.toLowerCase().replace(/[^a-z]+/g, '')}.test`;
	const { userId, orgId } = await createUserInOrganisation(db, { email, name: `Person ${counter}`, password: 'test-passwort-123', orgName, role });
	const memberships = await membershipsOf(db, userId);
	const org = memberships.find((m) => m.orgId === orgId)!;
	return tenantFor(db, { userId, email, name: `Person ${counter}`, via: 'session', org, memberships }, permission);
}

export const TEST_BASE_URL = 'https://stadtwissen.test';

/** A request's context at `now` as a public use case receives it (tests travel in time through `now`). */
export function visitorAt(db: Database, now: Date = new Date(), mailHostAccepted = true): RequestContext {
	return { ...systemContext(db, TEST_BASE_URL, now), mailHostAccepted };
}

/** An organiser's request at `now`: the tenant with the configured base URL, the time, mail allowed. */
export function organiserAt(tenant: TenantContext, now: Date = new Date()): RequestContext & TenantContext {
	return { ...systemContext(tenant.db, TEST_BASE_URL, now), ...tenant };
}
