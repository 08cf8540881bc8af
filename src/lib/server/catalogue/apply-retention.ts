import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { catalogueModules, catalogueRegistrationLinks, catalogueRegistrations, catalogueSessions, catalogueSettings } from '../db/schema';
import type { RequestContext } from '../context';
import { ANONYMOUS } from './erase-registration';
import { DEFAULT_RETENTION_MONTHS } from './retention-period';

/*
 * Data protection: a registration's personal data (name, e-mail, organisation, accessibility
 * needs, answers to the module's own questions, personal links) is deleted a retention period after its session ended — the module's
 * own period, else the organisation's, else 12 months. What stays is anonymous: status, group,
 * attendance (for counts). Issued certificates keep the holder's name, because verifying them is
 * their purpose; erasing a registration on request (eraseRegistration) withdraws them too.
 *
 * `applyRetention(ctx)` runs for the whole instance every six hours as a background job
 * (src/cli/serve.ts, with the system context), for one organisation whenever an organiser opens the catalogue, and from the
 * CLI (`stadtwissen catalogue retention`, e.g. by cron when no server runs). Running it again
 * changes nothing, and several instances may run it at once.
 */

/** Anonymises the registrations of every session whose retention period has passed; returns how many. */
export async function applyRetention(ctx: Pick<RequestContext, 'db' | 'now'>, options: { orgId?: string } = {}): Promise<{ sessions: number; registrations: number }> {
	const { db, now } = ctx;
	const months = sql`coalesce(${catalogueModules.retentionMonths}, ${catalogueSettings.retentionMonths}, ${DEFAULT_RETENTION_MONTHS})`;
	const due = await db
		.select({ id: catalogueSessions.id })
		.from(catalogueSessions)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.leftJoin(catalogueSettings, eq(catalogueSettings.orgId, catalogueSessions.orgId))
		.where(
			and(
				isNull(catalogueSessions.anonymisedAt),
				options.orgId ? eq(catalogueSessions.orgId, options.orgId) : undefined,
				sql`${catalogueSessions.endsAt} + make_interval(months => ${months}::int) <= ${now}`
			)
		);
	let registrations = 0;
	for (const { id } of due) {
		registrations += await db.transaction(async (tx) => {
			const rows = await tx
				.update(catalogueRegistrations)
				.set({ ...ANONYMOUS, holdUntil: null, anonymisedAt: now })
				.where(and(eq(catalogueRegistrations.sessionId, id), isNull(catalogueRegistrations.anonymisedAt)))
				.returning({ id: catalogueRegistrations.id });
			if (rows.length) await tx.delete(catalogueRegistrationLinks).where(inArray(catalogueRegistrationLinks.registrationId, rows.map((r) => r.id)));
			await tx.update(catalogueSessions).set({ anonymisedAt: now }).where(eq(catalogueSessions.id, id));
			return rows.length;
		});
	}
	return { sessions: due.length, registrations };
}
