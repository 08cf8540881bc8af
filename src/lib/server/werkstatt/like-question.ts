import { count, eq } from 'drizzle-orm';
import type { WerkstattLikeInput } from '../../schemas/werkstatt';
import type { RequestContext } from '../context';
import { werkstattLikes } from '../db/schema';
import { participantByToken, recordEvent, refuseClosed, visibleItem } from './werkstatt-records';

/** Supports a visible question, once per device; liking it again changes nothing (`created` false). */
export async function likeQuestion(ctx: RequestContext, code: string, token: string | null, input: WerkstattLikeInput): Promise<{ question: string; likes: number; created: boolean }> {
	const { werkstatt, participant } = await participantByToken(ctx.db, code, token);
	refuseClosed(werkstatt);
	return ctx.db.transaction(async (tx) => {
		const question = await visibleItem(tx, werkstatt.id, input.question, 'question', 'question', 'Diese Frage gibt es in dieser Werkstatt nicht (oder sie ist nicht sichtbar).');
		const inserted = await tx
			.insert(werkstattLikes)
			.values({ statementId: question.id, participantId: participant.id, createdAt: ctx.now })
			.onConflictDoNothing()
			.returning({ statementId: werkstattLikes.statementId });
		if (inserted.length) await recordEvent(tx, werkstatt.id, 'like', { statement: question.id });
		const [{ likes }] = await tx.select({ likes: count() }).from(werkstattLikes).where(eq(werkstattLikes.statementId, question.id));
		return { question: question.id, likes, created: inserted.length > 0 };
	});
}
