import { createUserInOrganisation } from '../../src/lib/server/accounts/create-user';
import type { Role } from '../../src/lib/roles';
import type { Database } from '../../src/lib/server/db/client';
import { tenantFor, type TenantContext } from '../../src/lib/server/tenant';
import type { Permission } from '../../src/lib/server/auth/actor';
import { membershipsOf } from '../../src/lib/server/auth/sessions';

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
