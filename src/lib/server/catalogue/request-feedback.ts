import { and, eq, sql } from 'drizzle-orm';
import { feedbackWindowClosesAt } from '../../domain/anonymity/session-feedback';
import { dayAndTime } from '../../format/berlin-time';
import { catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { feedbackRequestMail } from './mails';
import type { Organiser } from './catalogue-context';
import { lockSession, mailContext, newLink, sendAll } from './locked-session';
import type { Mail } from '../mail/send-mail';

/**
 * Mails every attendee a personal link to the questionnaire — everybody who was there, also those
 * who already answered: whom a request reaches (the Ausgang lists recipients) must not tell who
 * gave feedback. Their link says that they already did.
 */
export async function requestFeedback(ctx: Organiser, sessionId: string): Promise<number> {
	const mails: Mail[] = [];
	const now = ctx.now;
	await ctx.db.transaction(async (tx) => {
		const lock = await lockSession(tx, sessionId);
		if (!lock || lock.session.orgId !== ctx.org.orgId) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
		if (now < lock.session.startsAt) throw new AppError('conflict', 'Feedback kann erst nach dem Beginn des Termins angefragt werden.');
		const closesAt = feedbackWindowClosesAt(lock.session.endsAt);
		if (now >= closesAt) throw new AppError('conflict', `Das Feedback-Fenster ist am ${dayAndTime('de', closesAt)} geschlossen. Feedback kann nicht mehr angefragt werden.`);
		const people = await tx
			.select()
			.from(catalogueRegistrations)
			.where(
				and(
					eq(catalogueRegistrations.sessionId, sessionId),
					eq(catalogueRegistrations.status, 'confirmed'),
					eq(catalogueRegistrations.attended, true),
					sql`${catalogueRegistrations.anonymisedAt} IS NULL`
				)
			);
		if (!people.length) throw new AppError('conflict', 'Niemand kann gefragt werden: Markieren Sie zuerst, wer anwesend war.');
		const ctxMail = mailContext(lock, ctx);
		for (const person of people) mails.push(feedbackRequestMail(ctxMail, person, await newLink(tx, person.id)));
		await tx.update(catalogueSessions).set({ feedbackRequestedAt: now }).where(eq(catalogueSessions.id, sessionId));
	});
	await sendAll(ctx.db, mails);
	return mails.length;
}
