import { eq, sql } from 'drizzle-orm';
import type { OrgContext } from '../context';
import { werkstaetten } from '../db/schema';
import { channelOf, werkstattOfOrg } from './werkstatt-records';

/** The live event that ends every stream of a deleted Werkstatt (its event log goes with it). */
export const DELETED_EVENT = 'werkstatt.deleted';

/** Deletes a Werkstatt with everything in it (participants, posts, votes, likes, events); live clients are told. */
export async function deleteWerkstatt(ctx: OrgContext, id: string): Promise<void> {
	await ctx.db.transaction(async (tx) => {
		const werkstatt = await werkstattOfOrg(tx, ctx.org.orgId, id, true);
		await tx.delete(werkstaetten).where(eq(werkstaetten.id, werkstatt.id));
		await tx.execute(sql`SELECT pg_notify(${channelOf(werkstatt.id)}, ${JSON.stringify({ id: 0, kind: DELETED_EVENT, payload: {} })})`);
	});
}
