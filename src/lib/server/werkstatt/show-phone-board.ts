import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { keptIdentityOfOrg, type PublicIdentity } from '../identity/organisation-identity';
import { participantBoardOfOrg, type ParticipantBoard } from './list-board';

export interface PhoneBoard {
	board: ParticipantBoard;
	/** The phone's token belongs to this Werkstatt: show the board, else the join form. */
	joined: boolean;
	/** The organisation holding the Werkstatt: its name, logo, colour and legal pages around the page (root layout). */
	identity: PublicIdentity | null;
}

/**
 * The participant's page on the phone: the board with what is their own when the token in the
 * cookie still fits, else the board without it (the page then shows the join form) — a token from a
 * Werkstatt that was deleted and made again, or from another one, is no error for the person.
 * The page reloads on every live event: the identity comes from the per-organisation copy.
 */
export async function showPhoneBoard(ctx: RequestContext, code: string, token: string | null): Promise<PhoneBoard> {
	const { board, orgId, joined } = await boardOfPhone(ctx, code, token);
	return { board, joined, identity: await keptIdentityOfOrg(ctx.db, orgId) };
}

async function boardOfPhone(ctx: RequestContext, code: string, token: string | null) {
	if (token) {
		try {
			return { ...(await participantBoardOfOrg(ctx, code, token)), joined: true };
		} catch (cause) {
			if (!(cause instanceof AppError && cause.code === 'unauthorized')) throw cause;
		}
	}
	return { ...(await participantBoardOfOrg(ctx, code, null)), joined: false };
}
