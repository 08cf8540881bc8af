import { and, eq, sql } from 'drizzle-orm';
import { feedbackInputSchema } from '../../schemas/catalogue';
import type { Db } from '../db/client';
import { catalogueFeedback, catalogueRegistrations, catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { feedbackRequestMail } from './mails';
import { registrationIdForToken } from './manage-registration';
import { lockSession, mailContext, newLink, sendAll, type CatalogueEnv } from './seats';
import { validate } from '../validate';
import type { Mail } from '../mail/send-mail';

/*
 * Anonymous feedback after a session. The answer row has no registration, no person and only the
 * day; the registration only remembers *that* feedback was given (so nobody answers twice). Results
 * are shown only from FEEDBACK_MIN_GROUP answers on, the analysis' default minimum group size.
 */

export const FEEDBACK_MIN_GROUP = 5;

/** Who may answer: present at a session that has begun, and not answered yet. */
export function mayGiveFeedback(registration: { status: string; attended: boolean; feedbackGiven: boolean; anonymisedAt: Date | null }, startsAt: Date, now = new Date()): boolean {
	return registration.status === 'confirmed' && registration.attended && !registration.feedbackGiven && !registration.anonymisedAt && now >= startsAt;
}

export async function submitFeedback(db: Db, token: string, raw: unknown, now = new Date()): Promise<void> {
	const input = validate(feedbackInputSchema, raw);
	const found = await registrationIdForToken(db, token);
	if (!found) throw new AppError('not_found', 'Diesen Link kennen wir nicht.');
	await db.transaction(async (tx) => {
		const [registration] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, found.registrationId)).for('update');
		const [session] = await tx.select({ startsAt: catalogueSessions.startsAt }).from(catalogueSessions).where(eq(catalogueSessions.id, found.sessionId));
		if (registration.feedbackGiven) throw new AppError('conflict', 'Sie haben schon Feedback gegeben. Danke!');
		if (!mayGiveFeedback(registration, session.startsAt, now)) throw new AppError('conflict', 'Feedback ist nur nach dem Termin und nur für Teilnehmende möglich.');
		await tx.update(catalogueRegistrations).set({ feedbackGiven: true }).where(eq(catalogueRegistrations.id, registration.id));
		await tx.insert(catalogueFeedback).values({ sessionId: found.sessionId, ...input });
	});
}

/** Mails every attendee who has not answered a personal link to the questionnaire. */
export async function requestFeedback(ctx: TenantContext, sessionId: string, env: CatalogueEnv): Promise<number> {
	const mails: Mail[] = [];
	await ctx.db.transaction(async (tx) => {
		const lock = await lockSession(tx, sessionId);
		if (!lock || lock.session.orgId !== ctx.org.orgId) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
		if ((env.now ?? new Date()) < lock.session.startsAt) throw new AppError('conflict', 'Feedback kann erst nach dem Beginn des Termins angefragt werden.');
		const people = await tx
			.select()
			.from(catalogueRegistrations)
			.where(
				and(
					eq(catalogueRegistrations.sessionId, sessionId),
					eq(catalogueRegistrations.status, 'confirmed'),
					eq(catalogueRegistrations.attended, true),
					eq(catalogueRegistrations.feedbackGiven, false),
					sql`${catalogueRegistrations.anonymisedAt} IS NULL`
				)
			);
		if (!people.length) throw new AppError('conflict', 'Niemand kann gefragt werden: Markieren Sie zuerst, wer anwesend war.');
		const ctxMail = mailContext(lock, env);
		for (const person of people) mails.push(feedbackRequestMail(ctxMail, person, await newLink(tx, person.id)));
		await tx.update(catalogueSessions).set({ feedbackRequestedAt: env.now ?? new Date() }).where(eq(catalogueSessions.id, sessionId));
	});
	await sendAll(ctx.db, mails);
	return mails.length;
}

export interface RatingSummary {
	/** Count per value 1–5. */
	counts: number[];
	mean: number;
}

export type FeedbackResults = { count: number; shown: false } | { count: number; shown: true; overall: RatingSummary; usefulness: RatingSummary; takeaways: string[]; improvements: string[] };

function summarise(values: number[]): RatingSummary {
	const counts = [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length);
	return { counts, mean: values.reduce((a, b) => a + b, 0) / values.length };
}

/** Shuffled so the order of texts says nothing about who wrote them. */
function shuffled(texts: string[]): string[] {
	const copy = [...texts];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** The feedback of one of the organisation's sessions; below the minimum group size only the count. */
export async function feedbackResults(ctx: TenantContext, sessionId: string): Promise<FeedbackResults> {
	const [session] = await ctx.db
		.select({ id: catalogueSessions.id })
		.from(catalogueSessions)
		.where(and(eq(catalogueSessions.id, sessionId), eq(catalogueSessions.orgId, ctx.org.orgId)));
	if (!session) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const rows = await ctx.db.select().from(catalogueFeedback).where(eq(catalogueFeedback.sessionId, sessionId));
	if (rows.length < FEEDBACK_MIN_GROUP) return { count: rows.length, shown: false };
	return {
		count: rows.length,
		shown: true,
		overall: summarise(rows.map((r) => r.overall)),
		usefulness: summarise(rows.map((r) => r.usefulness)),
		takeaways: shuffled(rows.map((r) => r.takeaway).filter(Boolean)),
		improvements: shuffled(rows.map((r) => r.improve).filter(Boolean))
	};
}
