import { and, eq, gt } from 'drizzle-orm';
import { catalogueModules, catalogueSessions, organisations } from '../db/schema';
import { AppError } from '../errors';
import { facilitatorsOf, sessionsWithSeats, type FacilitatorView, type ModuleRow, type SessionView } from './module-views';
import type { Visitor } from './catalogue-context';
import { isUuid } from '../validate';

export interface PublicModule extends ModuleRow {
	orgName: string;
	orgSlug: string;
	facilitators: FacilitatorView[];
	sessions: SessionView[];
}

/** A published module with all its sessions that have not ended; 404 for drafts, archived modules and unknown ids. */
export async function getPublishedModule(ctx: Visitor, moduleId: string): Promise<PublicModule> {
	const notFound = new AppError('not_found', 'Dieses Modul gibt es nicht oder es ist nicht veröffentlicht.');
	if (!isUuid(moduleId)) throw notFound;
	const [row] = await ctx.db
		.select({ module: catalogueModules, orgName: organisations.name, orgSlug: organisations.slug })
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.status, 'published')));
	if (!row) throw notFound;
	const now = ctx.now;
	const sessions = await sessionsWithSeats(ctx, and(eq(catalogueSessions.moduleId, moduleId), gt(catalogueSessions.endsAt, now))!);
	const facilitators = (await facilitatorsOf(ctx.db, [moduleId])).get(moduleId) ?? [];
	return { ...row.module, orgName: row.orgName, orgSlug: row.orgSlug, facilitators, sessions };
}
