import { eq } from 'drizzle-orm';
import { catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import { findOwnModule } from './own-module';
import type { Organiser } from './catalogue-context';
import { type ModuleDetail, facilitatorsOf, sessionsWithSeats } from './module-views';

/** One of the organisation's modules with facilitators and sessions; 404 for other organisations' ids. */
export async function getModule(ctx: Organiser, moduleId: string): Promise<ModuleDetail> {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	const facilitators = (await facilitatorsOf(ctx.db, [module.id])).get(module.id) ?? [];
	const sessions = await sessionsWithSeats(ctx, eq(catalogueSessions.moduleId, module.id));
	return { module, facilitators, sessions };
}
