import { asc, eq } from 'drizzle-orm';
import { memberships, users } from '../db/schema';
import type { TenantContext } from '../tenant';

export async function listMembers({ db, org }: TenantContext) {
	return db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.orgId, org.orgId))
		.orderBy(asc(users.name));
}
