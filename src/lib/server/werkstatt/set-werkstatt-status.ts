import { eq } from 'drizzle-orm';
import type { WerkstattStatusInput } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { werkstaetten } from '../db/schema';
import { recordEvent, werkstattOfOrg } from './werkstatt-records';

/** Closes or reopens a Werkstatt; closed, it keeps everything but takes no posts, votes or likes. */
export async function setWerkstattStatus(ctx: OrgContext, id: string, input: WerkstattStatusInput): Promise<{ id: string; status: 'open' | 'closed' }> {
	return ctx.db.transaction(async (tx) => {
		const werkstatt = await werkstattOfOrg(tx, ctx.org.orgId, id, true);
		if (werkstatt.status !== input.status) {
			await tx.update(werkstaetten).set({ status: input.status, updatedAt: ctx.now }).where(eq(werkstaetten.id, werkstatt.id));
			await recordEvent(tx, werkstatt.id, 'werkstatt.status', { status: input.status });
		}
		return { id: werkstatt.id, status: input.status };
	});
}
