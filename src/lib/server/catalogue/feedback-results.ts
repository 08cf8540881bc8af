import { and, eq, max } from 'drizzle-orm';
import { DEFAULT_MINIMUM_GROUP_SIZE } from '../../domain/anonymity/suppression';
import { feedbackWindowClosesAt, sessionFeedbackView, type SessionFeedbackView } from '../../domain/anonymity/session-feedback';
import type { Db } from '../db/client';
import { catalogueFeedback, catalogueSessions, studies } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';

/**
 * The organisation's minimum group size k. There is no organisation-wide setting (yet): k is set
 * per analysis. The catalogue keeps the strictest promise the organisation made — the largest k of
 * its analyses — and the default k when it has none. Raising it hides more; nothing about a
 * session's feedback can change after its window closed, so a later change reveals no difference.
 */
export async function organisationMinimumGroupSize(db: Db, orgId: string): Promise<number> {
	const [row] = await db.select({ k: max(studies.minGroupSize) }).from(studies).where(eq(studies.orgId, orgId));
	return row?.k ?? DEFAULT_MINIMUM_GROUP_SIZE;
}

/**
 * The feedback of one of the organisation's sessions, as the anonymity rule allows it now
 * (`sessionFeedbackView`): nothing while the window is open, figures from k answers, texts from
 * max(k, 8).
 */
export async function feedbackResults(ctx: TenantContext, sessionId: string, now = new Date()): Promise<SessionFeedbackView> {
	const [session] = isUuid(sessionId)
		? await ctx.db
				.select({ id: catalogueSessions.id, endsAt: catalogueSessions.endsAt })
				.from(catalogueSessions)
				.where(and(eq(catalogueSessions.id, sessionId), eq(catalogueSessions.orgId, ctx.org.orgId)))
		: [];
	if (!session) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const minimumGroupSize = await organisationMinimumGroupSize(ctx.db, ctx.org.orgId);
	// While the window is open the answers are not even read.
	const answers =
		now < feedbackWindowClosesAt(session.endsAt)
			? []
			: await ctx.db
					.select({ id: catalogueFeedback.id, overall: catalogueFeedback.overall, usefulness: catalogueFeedback.usefulness, takeaway: catalogueFeedback.takeaway, improve: catalogueFeedback.improve })
					.from(catalogueFeedback)
					.where(eq(catalogueFeedback.sessionId, sessionId));
	return sessionFeedbackView({ answers, minimumGroupSize, session, now });
}
