import type { PersonalDataRequest } from '../../schemas/gdpr';
import type { GdprContext } from './export-personal-data';
import { collectPersonalData } from './personal-data';

export interface ErasurePreview {
	email: string;
	accounts: number;
	registrations: number;
	certificates: number;
	mails: number;
	auditEntries: number;
	invitations: number;
}

/** What an erasure would touch, counted, for the confirmation step (nothing is changed or shown but numbers). */
export async function previewErasure(ctx: GdprContext, input: PersonalDataRequest): Promise<ErasurePreview> {
	const data = await collectPersonalData(ctx.db, input.email, ctx.org ? { orgId: ctx.org.orgId } : null, ctx.now);
	return {
		email: input.email,
		accounts: data.accounts.length,
		registrations: data.registrations.length,
		certificates: data.certificates.length,
		mails: data.mails.length,
		auditEntries: data.auditEntries.length,
		invitations: data.organisationInvitations.length + data.studyInvitations.length
	};
}
