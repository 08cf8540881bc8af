import type { GlossaryTerm } from '../../domain/language/jargon';
import type { RequestContext } from '../context';
import { agreedGlossary } from './matcher-cache';

/** The agreed glossary of the organisation the request acts in, as terms for the comprehensibility check; none without an organisation. */
export async function orgJargon(ctx: RequestContext): Promise<readonly GlossaryTerm[]> {
	const orgId = ctx.actor?.org?.orgId;
	return orgId ? (await agreedGlossary(ctx.db, orgId)).jargon : [];
}
