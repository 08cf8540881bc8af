import { and, asc, eq, sql } from 'drizzle-orm';
import { catalogueRegistrations } from '../db/schema';
import { can } from '../auth/actor';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';
import { type RegistrationRow } from './own-registration';

const ENTRY = {
	id: catalogueRegistrations.id,
	name: catalogueRegistrations.name,
	organisation: catalogueRegistrations.organisation,
	groupKey: catalogueRegistrations.groupKey,
	accessibilityNeeds: catalogueRegistrations.accessibilityNeeds,
	status: catalogueRegistrations.status,
	holdUntil: catalogueRegistrations.holdUntil,
	attended: catalogueRegistrations.attended,
	answers: catalogueRegistrations.answers,
	anonymisedAt: catalogueRegistrations.anonymisedAt
};

/** A registration as the session's page lists it; `email` only for those who manage (organisers). */
export type RegistrationEntry = Pick<RegistrationRow, keyof typeof ENTRY> & { email?: string };

/**
 * A session's registrations in the order the list shows them: seats first, then the waiting list,
 * then the rest. Facilitators see who comes and what they need, not how to reach them: their
 * entries carry no e-mail address at all (the column is not even read).
 */
export async function sessionRegistrations(ctx: TenantContext, sessionId: string): Promise<RegistrationEntry[]> {
	if (!isUuid(sessionId)) return [];
	const columns: typeof ENTRY & { email?: typeof catalogueRegistrations.email } = can(ctx.actor, 'org.manage') ? { ...ENTRY, email: catalogueRegistrations.email } : ENTRY;
	return ctx.db
		.select(columns)
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.orgId, ctx.org.orgId)))
		.orderBy(
			sql`CASE ${catalogueRegistrations.status} WHEN 'confirmed' THEN 0 WHEN 'offered' THEN 1 WHEN 'pending_confirmation' THEN 2 WHEN 'waitlisted' THEN 3 ELSE 4 END`,
			asc(catalogueRegistrations.seq)
		);
}
