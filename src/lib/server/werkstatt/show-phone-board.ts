import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { participantBoard, type ParticipantBoard } from './list-board';

export interface PhoneBoard {
	board: ParticipantBoard;
	/** The phone's token belongs to this Werkstatt: show the board, else the join form. */
	joined: boolean;
}

/**
 * The participant's page on the phone: the board with what is their own when the token in the
 * cookie still fits, else the board without it (the page then shows the join form) — a token from a
 * Werkstatt that was deleted and made again, or from another one, is no error for the person.
 */
export async function showPhoneBoard(ctx: RequestContext, code: string, token: string | null): Promise<PhoneBoard> {
	if (token) {
		try {
			return { board: await participantBoard(ctx, code, token), joined: true };
		} catch (cause) {
			if (!(cause instanceof AppError && cause.code === 'unauthorized')) throw cause;
		}
	}
	return { board: await participantBoard(ctx, code, null), joined: false };
}
