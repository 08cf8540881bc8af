import type { RequestContext } from '../context';
import { createSession } from '../auth/create-session';
import { switchOrganisation } from '../auth/switch-organisation';
import { validate } from '../validate';
import { newAccountSchema } from '../../schemas/accounts';
import { findInvitation } from './find-invitation';
import { acceptInvitation } from './accept-invitation';

/**
 * Accepting from the invitation page: a new address creates its account (name and password
 * checked here) and is signed in — the new session is returned; an existing account must be the
 * signed-in one, and this browser's session switches to the organisation.
 */
export async function acceptInvitationHere(
	ctx: Pick<RequestContext, 'db' | 'actor'>,
	input: { token: string; entered: Record<string, unknown>; sessionToken: string | undefined }
): Promise<{ token: string; expiresAt: Date } | null> {
	const invitation = await findInvitation(ctx.db, input.token);
	if (invitation?.mayCreateAccount) {
		const newAccount = validate(newAccountSchema, input.entered);
		const accepted = await acceptInvitation(ctx.db, { token: input.token, newAccount });
		return createSession(ctx.db, accepted.userId);
	}
	const accepted = await acceptInvitation(ctx.db, { token: input.token, signedInUserId: ctx.actor?.userId });
	if (input.sessionToken) await switchOrganisation(ctx.db, input.sessionToken, accepted.userId, accepted.orgId);
	return null;
}
