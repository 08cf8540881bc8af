import { and, desc, eq } from 'drizzle-orm';
import { can } from '../auth/actor';
import type { OrgContext } from '../context';
import { studies } from '../db/schema';
import { qrPath } from '../qr/qr-path';
import { getWerkstattResults } from './get-results';
import { facilitatorBoard } from './list-board';
import { linkedSession } from './werkstatt-records';

/** At most this many draft studies are offered per item on the board. */
const DRAFTS_OFFERED = 5;

/**
 * Everything the facilitator's board and the projector show: every item with its tallies, the
 * results, the join link with its QR code and the linked catalogue session.
 */
export async function getWerkstattRoom(ctx: OrgContext, id: string) {
	const board = await facilitatorBoard(ctx, id);
	const results = await getWerkstattResults(ctx, board.werkstatt.id);
	const joinUrl = `${ctx.baseUrl.replace(/\/$/, '')}/w/${board.werkstatt.code}`;
	const link = await linkedSession(ctx.db, board.werkstatt.id);
	const mayManage = can(ctx.actor, 'org.manage');
	// Where an item can go as an open question besides a new study: the organisation's drafts (newest first).
	const drafts = mayManage
		? await ctx.db
				.select({ id: studies.id, title: studies.title })
				.from(studies)
				.where(and(eq(studies.orgId, ctx.org.orgId), eq(studies.status, 'draft')))
				.orderBy(desc(studies.createdAt))
				.limit(DRAFTS_OFFERED)
		: [];
	return {
		...board,
		results,
		joinUrl,
		qr: qrPath(joinUrl),
		session: link ? { id: link.sessionId, startsAt: link.startsAt.toISOString(), moduleTitle: link.moduleTitle } : null,
		mayManage,
		drafts
	};
}
