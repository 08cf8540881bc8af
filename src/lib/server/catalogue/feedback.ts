import { and, eq, max, sql } from 'drizzle-orm';
import { DEFAULT_MINIMUM_GROUP_SIZE } from '../../domain/anonymity/suppression';
import { feedbackWindowClosesAt, feedbackWindowOpen, sessionFeedbackView, type SessionFeedbackView } from '../../domain/anonymity/session-feedback';
import { dayAndTime } from '../../format/berlin-time';
import { feedbackInputSchema } from '../../schemas/catalogue';
import type { Db } from '../db/client';
import { catalogueFeedback, catalogueRegistrations, catalogueSessions, studies } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { feedbackRequestMail } from './mails';
import { registrationIdForToken } from './manage-registration';
import type { Organiser } from './catalogue-context';
import { lockSession, mailContext, newLink, sendAll } from './locked-session';
import { isUuid, validate } from '../validate';
import type { Mail } from '../mail/send-mail';

/*
 * Anonymous feedback after a session. The answer row has no registration, no person and only the
 * day; the registration only remembers *that* feedback was given (so nobody answers twice) — a
 * flag no organiser or facilitator view reads. Feedback is taken while the window is open (from the
 * start until FEEDBACK_WINDOW_DAYS after the end) and shown only after it closed, through the
 * anonymity rule `sessionFeedbackView` with the organisation's k.
 */

/** Who may answer: present at the session, the feedback window open, and not answered yet. */
export function mayGiveFeedback(
	registration: { status: string; attended: boolean; feedbackGiven: boolean; anonymisedAt: Date | null },
	session: { startsAt: Date; endsAt: Date },
	now = new Date()
): boolean {
	return registration.status === 'confirmed' && registration.attended && !registration.feedbackGiven && !registration.anonymisedAt && feedbackWindowOpen(session, now);
}

export async function submitFeedback(db: Db, token: string, raw: unknown, now = new Date()): Promise<void> {
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
