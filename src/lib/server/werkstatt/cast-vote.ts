import { sql } from 'drizzle-orm';
import type { WerkstattVoteInput } from '../../schemas/werkstatt';
import { hitRateLimit } from '../auth/rate-limit';
import type { RequestContext } from '../context';
import { werkstattVotes } from '../db/schema';
import { AppError } from '../errors';
import { participantByToken, recordEvent, refuseClosed, visibleItem } from './werkstatt-records';

/** Votes (and changed votes) per device and minute: faster than anyone reads, slower than a script. */
export const VOTE_LIMIT_PER_DEVICE = 60;

/** Agree (1), disagree (-1) or pass (0) on a visible statement; one vote per statement and device, a second one replaces it. */
export async function castVote(ctx: RequestContext, code: string, token: string | null, input: WerkstattVoteInput): Promise<{ statement: string; vote: number }> {
	const { werkstatt, participant } = await participantByToken(ctx.db, code, token);
	refuseClosed(werkstatt);
	const verdict = await hitRateLimit(ctx.db, `werkstatt-vote:${participant.id}`, VOTE_LIMIT_PER_DEVICE, 60);
	if (!verdict.allowed) throw new AppError('rate_limited', 'Von diesem Gerät kamen in der letzten Minute sehr viele Stimmen. Bitte warten Sie einen Moment.', [], verdict.retryAfterSeconds);
	return ctx.db.transaction(async (tx) => {
		const statement = await visibleItem(tx, werkstatt.id, input.statement, 'statement', 'statement', 'Über diese Aussage kann man in dieser Werkstatt nicht abstimmen.');
		await tx
			.insert(werkstattVotes)
			.values({ statementId: statement.id, participantId: participant.id, vote: input.vote, createdAt: ctx.now, updatedAt: ctx.now })
			.onConflictDoUpdate({ target: [werkstattVotes.statementId, werkstattVotes.participantId], set: { vote: sql`excluded.vote`, updatedAt: sql`excluded.updated_at` } });
		await recordEvent(tx, werkstatt.id, 'vote', { statement: statement.id });
		return { statement: statement.id, vote: input.vote };
	});
}
