import { thanksPath } from '../../domain/identity/thanks-link';
import { organisationOfLink } from '../studies/open-participation';
import type { Ctx } from '../studies/questionnaire-form';
import { reviewOrSubmit } from '../studies/review-or-submit-questionnaire';
import { keptIdentityOfOrg } from './organisation-identity';

/**
 * A form posted to the questionnaire's review (review-or-submit-questionnaire.ts): null while the
 * review is shown, after the submission the thank-you page's address with the receipt and the
 * asking organisation's slug, so that page shows its name and legal pages as the questionnaire did.
 * The organisation comes from the lookups kept for the questionnaire's header (no extra query).
 */
export async function reviewOrThank(ctx: Ctx, token: string, form: FormData): Promise<string | null> {
	const receipt = await reviewOrSubmit(ctx, token, form);
	if (!receipt) return null;
	const orgId = await organisationOfLink(ctx.db, token);
	const identity = orgId ? await keptIdentityOfOrg(ctx.db, orgId) : null;
	return thanksPath(receipt, identity?.slug ?? null);
}
