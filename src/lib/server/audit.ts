import type { Db } from './db/client';
import { auditLog } from './db/schema';

export type AuditEvent =
	| 'login'
	| 'login_failed'
	| 'login_rate_limited'
	| 'logout'
	| 'password_changed'
	| 'password_reset_requested'
	| 'password_reset'
	| 'role_changed'
	| 'member_invited'
	| 'member_joined'
	| 'member_removed'
	| 'token_created'
	| 'token_revoked'
	| 'organisation_created'
	| 'glossary_entry_created'
	| 'glossary_entry_updated'
	| 'glossary_entry_deleted'
	| 'glossary_starter_adopted'
	| 'glossary_imported'
	| 'glossary_proposal_accepted'
	| 'glossary_proposal_rejected'
	| 'legal_page_saved'
	| 'identity_saved'
	| 'logo_saved'
	| 'logo_removed'
	| 'registrants_messaged'
	| 'personal_data_exported'
	| 'personal_data_erased'
	| 'study_opened_by_date'
	| 'study_closed_by_date'
	| 'study_reminder_by_date';

export async function recordAudit(
	db: Db,
	event: AuditEvent,
	who: { orgId?: string | null; userId?: string | null; detail?: Record<string, unknown> } = {}
): Promise<void> {
	await db.insert(auditLog).values({ event, orgId: who.orgId ?? null, userId: who.userId ?? null, detail: who.detail ?? {} });
}
