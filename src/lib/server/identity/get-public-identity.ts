import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { identityOfSlug } from './organisation-identity';

/** The layout of an organisation's public pages: its name, logo, colour and legal links. */
export async function publicIdentity(ctx: RequestContext, slug: string) {
	const organisation = await identityOfSlug(ctx.db, slug);
	if (!organisation) throw new AppError('not_found', 'Diese Organisation gibt es nicht.');
	return { identity: organisation };
}
