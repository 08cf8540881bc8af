import { feedbackResults } from './feedback-results';
import { getOwnSession } from './get-own-session';
import type { Organiser } from './catalogue-context';

/** A session's feedback as the anonymity rule allows it now: nothing before the window closed, figures from k, texts from max(k, 8). */
export async function getFeedbackOverview(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId);
	return { module: { id: module.id, title: module.title }, session: { id: session.id, parts: session.parts }, results: await feedbackResults(ctx, session.id, ctx.now) };
}
