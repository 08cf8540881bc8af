import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Visitor } from '../catalogue/catalogue-context';
import { withSession } from '../catalogue/locked-session';
import { AppError } from '../errors';
import type { PersonalDataRequest } from '../../schemas/gdpr';
import { accountsInReach } from './personal-data';
import type { GdprContext } from './export-personal-data';

export interface ErasureSummary {
	accountsDeleted: number;
	/** Accounts that stay because they belong to another organisation too; only this organisation's part went. */
	accountsKept: number;
	registrations: number;
	mails: number;
	auditEntries: number;
	invitations: number;
}

const count = (result: { rowCount: number | null }) => result.rowCount ?? 0;

/**
 * Art. 17 DSGVO, in one transaction: accounts deleted (or only their membership here when they
 * belong to another organisation too), registrations anonymised as the retention job does (links
 * and certificates gone), addresses removed from the Postausgang, pending invitations deleted,
 * protocol entries kept as facts without the person. The last owner of an organisation is refused.
 * The protocol records the request (who, when, which kind), never the address. Seats the erasure
 * frees go to the waiting list at once, with the offer mail, as when the person had cancelled.
 */
export async function erasePersonalData(ctx: GdprContext & Pick<Visitor, 'baseUrl' | 'mailHostAccepted'>, input: PersonalDataRequest): Promise<ErasureSummary> {
	const address = input.email;
	const reach = ctx.org ? { orgId: ctx.org.orgId } : null;
	const orgFilter = (column: string) => (reach ? sql`${sql.identifier(column)} = ${reach.orgId}` : sql`true`);
	const freed = new Set<string>();
	const summary = await ctx.db.transaction(async (tx) => {
		const summary: ErasureSummary = { accountsDeleted: 0, accountsKept: 0, registrations: 0, mails: 0, auditEntries: 0, invitations: 0 };
		const deleted: string[] = [];
		for (const account of await accountsInReach(tx, address, reach)) {
			const orphaned = (
				await tx.execute(sql`SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.org_id
					WHERE m.user_id = ${account.id} AND m.role = 'owner' AND ${reach ? sql`m.org_id = ${reach.orgId}` : sql`true`}
					AND NOT EXISTS (SELECT 1 FROM memberships other WHERE other.org_id = m.org_id AND other.role = 'owner' AND other.user_id <> m.user_id)
					FOR UPDATE OF m`)
			).rows as { name: string }[];
			if (orphaned.length)
				throw new AppError(
					'conflict',
					`${account.name} ist die letzte Inhaberin bzw. der letzte Inhaber von „${orphaned.map((o) => o.name).join('“, „')}“. Bitte ernennen Sie zuerst eine andere Person zur Inhaberin bzw. zum Inhaber (Einstellungen → Mitglieder) und löschen Sie die Daten danach. Es wurde nichts gelöscht.`
				);
			const others = reach ? (await tx.execute(sql`SELECT 1 FROM memberships WHERE user_id = ${account.id} AND org_id <> ${reach.orgId}`)).rows.length : 0;
			if (others && reach) {
				// The account belongs to another organisation too: only this organisation's part goes.
				await tx.execute(sql`DELETE FROM memberships WHERE user_id = ${account.id} AND org_id = ${reach.orgId}`);
				await tx.execute(sql`DELETE FROM api_tokens WHERE user_id = ${account.id} AND org_id = ${reach.orgId}`);
				summary.auditEntries += count(
					await tx.execute(sql`UPDATE audit_log SET user_id = NULL, detail = detail - 'email' - 'ip' WHERE user_id = ${account.id} AND org_id = ${reach.orgId}`)
				);
				summary.accountsKept += 1;
			} else {
				summary.auditEntries += count(await tx.execute(sql`UPDATE audit_log SET user_id = NULL, detail = detail - 'email' - 'ip' WHERE user_id = ${account.id}`));
				await tx.execute(sql`DELETE FROM users WHERE id = ${account.id}`);
				deleted.push(account.id);
				summary.accountsDeleted += 1;
			}
		}
		summary.auditEntries += count(
			await tx.execute(sql`UPDATE audit_log SET detail = detail - 'email' - 'ip' WHERE lower(detail->>'email') = ${address} AND ${orgFilter('org_id')}`)
		);

		const registrations = (
			await tx.execute(sql`UPDATE catalogue_registrations r
				SET name = '', email = '', organisation = '', accessibility_needs = '', answers = '{}'::jsonb, hold_until = NULL, anonymised_at = ${ctx.now},
					status = CASE WHEN r.status IN ('pending_confirmation', 'confirmed', 'offered', 'waitlisted') AND s.starts_at > ${ctx.now} THEN 'cancelled' ELSE r.status END,
					cancelled_at = CASE WHEN r.status IN ('pending_confirmation', 'confirmed', 'offered', 'waitlisted') AND s.starts_at > ${ctx.now} THEN coalesce(r.cancelled_at, ${ctx.now}) ELSE r.cancelled_at END
				FROM catalogue_sessions s
				WHERE s.id = r.session_id AND lower(r.email) = ${address} AND r.anonymised_at IS NULL AND ${reach ? sql`r.org_id = ${reach.orgId}` : sql`true`}
				RETURNING r.id, r.session_id, r.status`)
		).rows as { id: string; session_id: string; status: string }[];
		for (const registration of registrations) if (registration.status === 'cancelled') freed.add(registration.session_id);
		if (registrations.length) {
			const ids = sql.join(registrations.map((r) => sql`${r.id}::uuid`), sql`, `);
			await tx.execute(sql`DELETE FROM catalogue_registration_links WHERE registration_id IN (${ids})`);
			await tx.execute(sql`DELETE FROM catalogue_certificates WHERE registration_id IN (${ids})`);
		}
		summary.registrations = registrations.length;

		summary.mails = count(
			await tx.execute(sql`UPDATE outbox_mails SET recipient = '', body = NULL
				WHERE lower(recipient) = ${address} AND ${reach ? sql`(org_id = ${reach.orgId} OR (org_id IS NULL AND ${deleted.length > 0}))` : sql`true`}`)
		);
		summary.invitations =
			count(await tx.execute(sql`DELETE FROM org_invitations WHERE lower(email) = ${address} AND ${orgFilter('org_id')}`)) +
			count(
				await tx.execute(sql`DELETE FROM invitation_emails e USING studies s WHERE s.id = e.study_id AND lower(e.email) = ${address} AND ${reach ? sql`s.org_id = ${reach.orgId}` : sql`true`}`)
			);
		await recordAudit(tx, 'personal_data_erased', { orgId: reach?.orgId ?? null, userId: ctx.actor && !deleted.includes(ctx.actor.userId) ? ctx.actor.userId : null, detail: { kind: 'loeschung', ...summary } });
		return summary;
	});
	// Each session settled on its own, as a cancellation does: the next on the waiting list is offered the seat by mail.
	for (const sessionId of freed) await withSession(ctx, sessionId, async () => undefined);
	return summary;
}
