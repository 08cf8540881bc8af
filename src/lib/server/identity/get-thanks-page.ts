import { readThanksQuery } from '../../domain/identity/thanks-link';
import type { RequestContext } from '../context';
import { identityOfSlug, type PublicIdentity } from './organisation-identity';

/**
 * The thank-you page after a questionnaire: the receipt code, and the asking organisation's name,
 * logo and legal pages (root layout) when its address names one. Never refuses: the receipt is
 * shown whatever else the address holds; an unknown organisation leaves the operator's footer.
 */
export async function thanksPage(ctx: RequestContext, query: URLSearchParams): Promise<{ receipt: string; identity: PublicIdentity | null }> {
	const { receipt, slug } = readThanksQuery(query);
	return { receipt, identity: slug ? await identityOfSlug(ctx.db, slug) : null };
}
