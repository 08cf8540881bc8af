import { and, eq } from 'drizzle-orm';
import { catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { findOwnModule } from './own-module';
import type { Organiser } from './catalogue-context';
import { isUuid } from '../validate';
import { type ModuleRow, type SessionView, sessionsWithSeats } from './module-views';

/** One of the organisation's sessions with its module. */
export async function getOwnSession(ctx: Organiser, sessionId: string): Promise<{ module: ModuleRow; session: SessionView }> {
	if (!isUuid(sessionId)) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const [row] = await ctx.db
		.select({ moduleId: catalogueSessions.moduleId })
		.from(catalogueSessions)
		.where(and(eq(catalogueSessions.id, sessionId), eq(catalogueSessions.orgId, ctx.org.orgId)));
	if (!row) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
	const module = (await findOwnModule(ctx, row.moduleId))!;
	const [session] = await sessionsWithSeats(ctx, eq(catalogueSessions.id, sessionId));
	return { module, session };
}
