import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { catalogueModules, catalogueSessions, organisations } from '../db/schema';
import { facilitatorsOf, sessionsWithSeats } from './module-views';
import type { Visitor } from './catalogue-context';
import { type CatalogueFilter, moduleConditions, sessionConditions, sessionFiltered } from './catalogue-filter';
import { type PublicModule } from './get-published-module';

/*
 * The public catalogue: published modules of every organisation on the instance, for visitors
 * without an account (pages and API alike).
 */

/** Published modules matching the filter, each with its upcoming sessions (only the matching ones when a session filter is set). */
export async function listPublishedModules(ctx: Visitor, filter: CatalogueFilter): Promise<PublicModule[]> {
	const now = ctx.now;
	const modules = await ctx.db
		.select({ module: catalogueModules, orgName: organisations.name, orgSlug: organisations.slug })
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(and(...moduleConditions(filter)))
		.orderBy(asc(catalogueModules.title));
	if (!modules.length) return [];
	const ids = modules.map((row) => row.module.id);
	const sessions = await sessionsWithSeats(ctx, and(inArray(catalogueSessions.moduleId, ids), ne(catalogueSessions.status, 'cancelled'), ...sessionConditions(filter, now))!);
	const facilitators = await facilitatorsOf(ctx.db, ids);
	const result: PublicModule[] = [];
	for (const { module, orgName, orgSlug } of modules) {
		let own = sessions.filter((session) => session.moduleId === module.id);
		if (filter.free) own = own.filter((session) => session.seats.free > 0 && session.status === 'open' && (!session.registrationDeadline || session.registrationDeadline > now));
		if (sessionFiltered(filter) && !own.length) continue;
		result.push({ ...module, orgName, orgSlug, facilitators: facilitators.get(module.id) ?? [], sessions: own });
	}
	// Modules with a date come first, by their next date.
	return result.sort((a, b) => (a.sessions[0]?.startsAt.getTime() ?? Infinity) - (b.sessions[0]?.startsAt.getTime() ?? Infinity));
}
