import { can } from '../auth/actor';
import { sessionCalendar } from './calendar';
import type { Reader } from './catalogue-context';

/** A session's .ics: published modules for everybody; drafts for those who see them elsewhere (sessions.facilitate), not for viewers. */
export async function getReadableCalendar(ctx: Reader, sessionId: string): Promise<{ body: string; fileName: string }> {
	const ownOrgId = can(ctx.actor, 'sessions.facilitate') ? ctx.actor?.org?.orgId : undefined;
	return sessionCalendar(ctx.db, sessionId, ctx.baseUrl, ownOrgId);
}
