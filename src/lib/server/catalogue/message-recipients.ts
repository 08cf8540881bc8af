import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import type { Organiser } from './catalogue-context';

/** Whom a message to a session's registrants reaches: confirmed seats, and on request the waiting list (confirmed addresses only). */
export async function messageRecipients(ctx: Organiser, sessionId: string, includeWaitlist: boolean) {
	return ctx.db
		.select({ id: catalogueRegistrations.id, name: catalogueRegistrations.name, email: catalogueRegistrations.email, status: catalogueRegistrations.status })
		.from(catalogueRegistrations)
		.where(
			and(
				eq(catalogueRegistrations.sessionId, sessionId),
				eq(catalogueRegistrations.orgId, ctx.org.orgId),
				isNull(catalogueRegistrations.anonymisedAt),
				inArray(catalogueRegistrations.status, includeWaitlist ? ['confirmed', 'offered', 'waitlisted'] : ['confirmed'])
			)
		)
		.orderBy(asc(catalogueRegistrations.seq));
}
