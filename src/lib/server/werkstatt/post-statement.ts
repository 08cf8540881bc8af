import type { WerkstattPostInput } from '../../schemas/werkstatt';
import { hitRateLimit } from '../auth/rate-limit';
import type { RequestContext } from '../context';
import { werkstattStatements } from '../db/schema';
import { AppError } from '../errors';
import { participantByToken, recordEvent, refuseClosed } from './werkstatt-records';

/** Posts per device in ten minutes: plenty for a conversation, too few for a flood. */
export const POST_LIMIT_PER_DEVICE = 10;
/** Posts per address in ten minutes: a room of phones behind one Wi-Fi shares this. */
export const POST_LIMIT_PER_ADDRESS = 300;
const WINDOW_SECONDS = 600;

/** A participant's question or statement: visible at once under post-moderation, waiting for the facilitator under pre-moderation. */
export async function postStatement(ctx: RequestContext, code: string, token: string | null, input: WerkstattPostInput): Promise<{ id: string; status: 'pending' | 'visible' }> {
	const { werkstatt, participant } = await participantByToken(ctx.db, code, token);
	refuseClosed(werkstatt);
	for (const [key, limit, who] of [
		[`werkstatt-post:${participant.id}`, POST_LIMIT_PER_DEVICE, 'Von diesem Gerät kamen'],
		[`werkstatt-post:${ctx.clientAddress}`, POST_LIMIT_PER_ADDRESS, 'Von Ihrem Anschluss kamen']
	] as const) {
		const verdict = await hitRateLimit(ctx.db, key, limit, WINDOW_SECONDS);
		if (!verdict.allowed)
			throw new AppError('rate_limited', `${who} in den letzten zehn Minuten schon ${limit} Beiträge. Bitte warten Sie einen Moment.`, [], verdict.retryAfterSeconds);
	}
	const status = werkstatt.moderation === 'pre' ? 'pending' : 'visible';
	return ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(werkstattStatements)
			.values({ werkstattId: werkstatt.id, participantId: participant.id, kind: input.kind, text: input.text, status, createdAt: ctx.now })
			.returning({ id: werkstattStatements.id });
		await recordEvent(tx, werkstatt.id, 'statement.posted', { statement: row.id, status });
		return { id: row.id, status };
	});
}
