import { and, asc, desc, eq, gte, ne } from 'drizzle-orm';
import { can } from '../auth/actor';
import type { OrgContext } from '../context';
import { catalogueModules, catalogueSessions, werkstaetten } from '../db/schema';

export interface WerkstattListEntry {
	id: string;
	title: string;
	code: string;
	status: 'open' | 'closed';
	moderation: 'pre' | 'post';
	createdAt: string;
	session: { id: string; startsAt: string; moduleTitle: string } | null;
}

export interface SessionChoice {
	id: string;
	startsAt: string;
	moduleTitle: string;
}

/**
 * The organisation's Werkstätten, newest first, with their linked catalogue session; and the
 * sessions a new Werkstatt may belong to: the own catalogue's sessions that have not ended, soonest first.
 */
export async function listWerkstaetten(ctx: OrgContext): Promise<{ werkstaetten: WerkstattListEntry[]; sessions: SessionChoice[]; mayManage: boolean }> {
	const rows = await ctx.db
		.select({
			id: werkstaetten.id,
			title: werkstaetten.title,
			code: werkstaetten.code,
			status: werkstaetten.status,
			moderation: werkstaetten.moderation,
			createdAt: werkstaetten.createdAt,
			sessionId: catalogueSessions.id,
			startsAt: catalogueSessions.startsAt,
			moduleTitle: catalogueModules.title
		})
		.from(werkstaetten)
		.leftJoin(catalogueSessions, eq(catalogueSessions.id, werkstaetten.sessionId))
		.leftJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(eq(werkstaetten.orgId, ctx.org.orgId))
		.orderBy(desc(werkstaetten.createdAt), asc(werkstaetten.id));
	const sessions = await ctx.db
		.select({ id: catalogueSessions.id, startsAt: catalogueSessions.startsAt, moduleTitle: catalogueModules.title })
		.from(catalogueSessions)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(and(eq(catalogueSessions.orgId, ctx.org.orgId), gte(catalogueSessions.endsAt, ctx.now), ne(catalogueSessions.status, 'cancelled')))
		.orderBy(asc(catalogueSessions.startsAt), asc(catalogueSessions.id));
	return {
		werkstaetten: rows.map((row) => ({
			id: row.id,
			title: row.title,
			code: row.code,
			status: row.status,
			moderation: row.moderation,
			createdAt: row.createdAt.toISOString(),
			session: row.sessionId && row.startsAt ? { id: row.sessionId, startsAt: row.startsAt.toISOString(), moduleTitle: row.moduleTitle ?? '' } : null
		})),
		sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), moduleTitle: s.moduleTitle })),
		mayManage: can(ctx.actor, 'org.manage')
	};
}
