import type { RequestContext } from '../context';
import { organisationOfLink } from '../studies/open-participation';
import { TOKEN_PATTERN } from '../studies/token-crypto';
import { keptIdentityOfOrg, type PublicIdentity } from './organisation-identity';

/**
 * The identity of the organisation asking, for the questionnaire's header and footer (its logo,
 * colour and legal pages). Never refuses: an unknown or unusable link gets no identity here, and
 * the questionnaire page itself says what is wrong with the link (and counts the failed try).
 * A questionnaire is a dozen requests: the link's organisation comes with the page's own lookup,
 * the identity from the per-organisation copy.
 */
export async function questionnaireIdentity(ctx: RequestContext, token: string): Promise<{ identity: PublicIdentity | null }> {
	if (!TOKEN_PATTERN.test(token)) return { identity: null };
	const orgId = await organisationOfLink(ctx.db, token);
	return { identity: orgId ? await keptIdentityOfOrg(ctx.db, orgId) : null };
}
