import { eq } from 'drizzle-orm';
import { catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { sessionsWithSeats, type SessionView } from './module-views';
import { closedCode, type ClosedReason } from './registration-intake';
import type { Visitor } from './catalogue-context';
import { isUuid } from '../validate';
import { type PublicModule, getPublishedModule } from './get-published-module';

export interface PublicSession {
	module: PublicModule;
	session: SessionView;
	/** Why no registration is possible, or null. */
	closed: ClosedReason | null;
}

/** A session of a published module, for its registration page. */
export async function getPublicSession(ctx: Visitor, sessionId: string): Promise<PublicSession> {
	const notFound = new AppError('not_found', 'Diesen Termin gibt es nicht.');
	if (!isUuid(sessionId)) throw notFound;
	const [row] = await ctx.db.select({ moduleId: catalogueSessions.moduleId }).from(catalogueSessions).where(eq(catalogueSessions.id, sessionId));
	if (!row) throw notFound;
	const module = await getPublishedModule(ctx, row.moduleId).catch(() => null);
	if (!module) throw notFound;
	const [session] = await sessionsWithSeats(ctx, eq(catalogueSessions.id, sessionId));
	return { module, session, closed: closedCode(session, ctx.now) };
}
