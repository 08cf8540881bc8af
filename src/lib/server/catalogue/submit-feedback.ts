import { eq } from 'drizzle-orm';
import { feedbackWindowClosesAt } from '../../domain/anonymity/session-feedback';
import { dayAndTime } from '../../format/berlin-time';
import { feedbackInputSchema } from '../../schemas/catalogue';
import type { Visitor } from './catalogue-context';
import { catalogueFeedback, catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { registrationIdForToken } from './registration-link';
import { validate } from '../validate';
import { mayGiveFeedback } from './feedback-access';

/*
 * Anonymous feedback after a session. The answer row has no registration, no person and only the
 * day; the registration only remembers *that* feedback was given (so nobody answers twice) — a
 * flag no organiser or facilitator view reads. Feedback is taken while the window is open (from the
 * start until FEEDBACK_WINDOW_DAYS after the end) and shown only after it closed, through the
 * anonymity rule `sessionFeedbackView` with the organisation's k.
 */

export async function submitFeedback(ctx: Visitor, token: string, raw: unknown): Promise<void> {
	const { db, now } = ctx;
	const input = validate(feedbackInputSchema, raw);
	const found = await registrationIdForToken(db, token);
	if (!found) throw new AppError('not_found', 'Diesen Link kennen wir nicht.');
	await db.transaction(async (tx) => {
		const [registration] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, found.registrationId)).for('update');
		const [session] = await tx.select({ startsAt: catalogueSessions.startsAt, endsAt: catalogueSessions.endsAt }).from(catalogueSessions).where(eq(catalogueSessions.id, found.sessionId));
		if (registration.feedbackGiven) throw new AppError('conflict', 'Sie haben schon Feedback gegeben. Danke!');
		if (now >= feedbackWindowClosesAt(session.endsAt)) throw new AppError('conflict', `Feedback war bis ${dayAndTime('de', feedbackWindowClosesAt(session.endsAt))} möglich. Danke für Ihr Interesse!`);
		if (!mayGiveFeedback(registration, session, now)) throw new AppError('conflict', 'Feedback ist nur nach dem Termin und nur für Teilnehmende möglich.');
		await tx.update(catalogueRegistrations).set({ feedbackGiven: true }).where(eq(catalogueRegistrations.id, registration.id));
		await tx.insert(catalogueFeedback).values({ sessionId: found.sessionId, ...input });
	});
}
