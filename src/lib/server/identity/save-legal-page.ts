import { openPlaceholders, type LegalPage } from '../../domain/identity/legal-text';
import { recordAudit } from '../audit';
import type { TenantContext } from '../tenant';
import { updateProfile } from './profile-row';

const COLUMN = { impressum: 'impressum', datenschutz: 'privacy', barrierefreiheit: 'accessibility' } as const;

/**
 * Saves one legal page. Placeholders may stay (an owner may save half-way); the public page
 * shows the text only once none is left, and the answer names those still open.
 */
export async function saveLegalPage(ctx: TenantContext, input: { page: LegalPage; text: string }) {
	const text = input.text.replace(/\r\n?/g, '\n').trim();
	await updateProfile(ctx, { [COLUMN[input.page]]: text });
	await recordAudit(ctx.db, 'legal_page_saved', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { page: input.page } });
	return { legalSaved: input.page, open: openPlaceholders(text) };
}
