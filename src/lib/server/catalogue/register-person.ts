import { registrationInputSchema } from '../../schemas/catalogue';
import { catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import { requireMailHost } from '../mail/mail-host';
import { validate } from '../validate';
import { registeredByOrganiserMail } from './mails';
import type { Organiser } from './catalogue-context';
import { calendarUrl, mailContext, newLink, waitlistPosition, withSession } from './locked-session';
import { checkedAnswers, findActive, freeSeats, sessionQuestions, newRegistration, type RegistrationReceipt, type RegistrationStatus } from './registration-intake';

/**
 * An organiser registers someone (by phone, on paper): no double opt-in, the seat is confirmed
 * at once; when the session is full the person goes on the waiting list like everyone else.
 */
export async function registerPerson(ctx: Organiser, sessionId: string, raw: unknown): Promise<RegistrationReceipt> {
	requireMailHost(ctx);
	const checked = checkedAnswers(await sessionQuestions(ctx.db, sessionId), raw, false);
	let input;
	try {
		input = validate(registrationInputSchema, raw);
	} catch (error) {
		if (error instanceof AppError && checked.details.length) throw new AppError(error.code, error.message, [...error.details, ...checked.details]);
		throw error;
	}
	if (checked.details.length) throw new AppError('validation_failed', 'Die Angaben sind unvollständig oder ungültig.', checked.details);
	const now = ctx.now;
	const outcome = await withSession(ctx, sessionId, async (tx, lock, settled) => {
		if (lock.session.orgId !== ctx.org.orgId) return null;
		if (lock.session.status === 'cancelled') throw new AppError('conflict', 'Dieser Termin fällt aus.');
		if (now >= lock.session.endsAt) throw new AppError('conflict', 'Dieser Termin ist schon vorbei.');
		if (await findActive(tx, lock.session.id, input.email)) {
			throw new AppError('conflict', 'Diese Person ist für diesen Termin schon angemeldet.', [{ path: 'email', message: 'Mit dieser Adresse gibt es schon eine Anmeldung.' }]);
		}
		const free = await freeSeats(tx, lock.session);
		const [created] = await tx
			.insert(catalogueRegistrations)
			.values({
				...newRegistration(lock.session, input, now, checked.answers),
				status: free > 0 ? 'confirmed' : 'waitlisted',
				emailConfirmedAt: now,
				confirmedAt: free > 0 ? now : null,
				source: 'organiser',
				createdBy: ctx.actor.userId
			})
			.returning();
		const token = await newLink(tx, created.id);
		const position = created.status === 'waitlisted' ? await waitlistPosition(tx, lock.session.id, created.seq) : undefined;
		settled.push(registeredByOrganiserMail(mailContext(lock, ctx), created, token, calendarUrl(ctx, lock.session.id), created.status === 'waitlisted', position));
		return { id: created.id, status: created.status as RegistrationStatus, ...(position ? { position } : {}) };
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	return outcome.result;
}
