import { eq } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { invitations, organisationProfiles, organisations, studies } from '../db/schema';
import { invitationHash, TOKEN_PATTERN } from '../studies/token-crypto';
import { identityColumns, identityFromRow, type PublicIdentity } from './organisation-identity';

/**
 * The identity of the organisation asking, for the questionnaire's header and footer (its logo,
 * colour and legal pages). Never refuses: an unknown or unusable link gets no identity here, and
 * the questionnaire page itself says what is wrong with the link (and counts the failed try).
 */
export async function questionnaireIdentity(ctx: RequestContext, token: string): Promise<{ identity: PublicIdentity | null }> {
	if (!TOKEN_PATTERN.test(token)) return { identity: null };
	const [row] = await ctx.db
		.select(identityColumns)
		.from(invitations)
		.innerJoin(studies, eq(studies.id, invitations.studyId))
		.innerJoin(organisations, eq(organisations.id, studies.orgId))
		.leftJoin(organisationProfiles, eq(organisationProfiles.orgId, organisations.id))
		.where(eq(invitations.tokenHash, invitationHash(token)));
	return { identity: row ? identityFromRow(row) : null };
}
