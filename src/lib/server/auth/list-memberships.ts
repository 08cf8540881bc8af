import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, organisations } from '../db/schema';
import type { Membership } from './actor';

export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
	return db
		.select({ orgId: organisations.id, orgSlug: organisations.slug, orgName: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(organisations.id, memberships.orgId))
		.where(eq(memberships.userId, userId))
		.orderBy(organisations.name);
}
