import { eq } from 'drizzle-orm';
import { sessionInputSchema } from '../../schemas/catalogue';
import { catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { validate } from '../validate';
import type { Organiser } from './catalogue-context';
import { settle, takenSeats, withSession } from './locked-session';
import { spanOf } from './session-span';

/** Changes a session; the capacity cannot drop below the seats already taken, a larger one goes to the waiting list. */
export async function updateSession(ctx: Organiser, sessionId: string, raw: unknown): Promise<void> {
	const input = validate(sessionInputSchema, raw);
	const outcome = await withSession(ctx, sessionId, async (tx, lock, mails) => {
		if (lock.session.orgId !== ctx.org.orgId) return null;
		const taken = await takenSeats(tx, lock.session.id);
		if (input.capacity < taken) {
			throw new AppError('conflict', `Es sind schon ${taken} Plätze vergeben. Die Zahl der Plätze kann nicht kleiner werden.`, [
				{ path: 'capacity', message: `Mindestens ${taken} Plätze – so viele sind schon vergeben.` }
			]);
		}
		const [updated] = await tx
			.update(catalogueSessions)
			.set({ ...spanOf(input.parts), location: input.location, onlineUrl: input.onlineUrl, capacity: input.capacity, registrationDeadline: input.registrationDeadline, note: input.note })
			.where(eq(catalogueSessions.id, lock.session.id))
			.returning();
		mails.push(...(await settle(tx, { ...lock, session: updated }, ctx)));
		return true;
	});
	if (!outcome?.result) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
}
