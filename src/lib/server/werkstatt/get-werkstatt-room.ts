import QRCode from 'qrcode';
import { eq } from 'drizzle-orm';
import { can } from '../auth/actor';
import type { OrgContext } from '../context';
import { catalogueModules, catalogueSessions, werkstaetten } from '../db/schema';
import { getWerkstattResults } from './get-results';
import { facilitatorBoard } from './list-board';

/** A QR code as one SVG path over a square of `size` modules (plus a quiet zone of one module each side). */
export interface QrPath {
	size: number;
	d: string;
}

/** The join link's QR code, drawn by the page as an SVG path: dark modules as unit squares, one run per row. */
export function qrPath(text: string): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = modules.size;
	let d = '';
	for (let y = 0; y < n; y++) {
		let x = 0;
		while (x < n) {
			if (!modules.get(y, x)) {
				x++;
				continue;
			}
			const start = x;
			while (x < n && modules.get(y, x)) x++;
			d += `M${start + 1} ${y + 1}h${x - start}v1h${start - x}z`;
		}
	}
	return { size: n + 2, d };
}

/**
 * Everything the facilitator's board and the projector show: every item with its tallies, the
 * results, the join link with its QR code and the linked catalogue session.
 */
export async function getWerkstattRoom(ctx: OrgContext, id: string) {
	const board = await facilitatorBoard(ctx, id);
	const results = await getWerkstattResults(ctx, board.werkstatt.id);
	const joinUrl = `${ctx.baseUrl.replace(/\/$/, '')}/w/${board.werkstatt.code}`;
	const [link] = await ctx.db
		.select({ sessionId: catalogueSessions.id, startsAt: catalogueSessions.startsAt, moduleTitle: catalogueModules.title })
		.from(werkstaetten)
		.innerJoin(catalogueSessions, eq(catalogueSessions.id, werkstaetten.sessionId))
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(eq(werkstaetten.id, board.werkstatt.id));
	return {
		...board,
		results,
		joinUrl,
		qr: qrPath(joinUrl),
		session: link ? { id: link.sessionId, startsAt: link.startsAt.toISOString(), moduleTitle: link.moduleTitle } : null,
		mayManage: can(ctx.actor, 'org.manage')
	};
}
