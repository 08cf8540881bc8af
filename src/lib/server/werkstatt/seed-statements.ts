import type { WerkstattSeedInput } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { werkstattStatements } from '../db/schema';
import { recordEvent, werkstattOfOrg } from './werkstatt-records';

/** Statements the facilitator prepares before (or during) the session: visible, without an author. All or none. */
export async function seedStatements(ctx: OrgContext, werkstattId: string, input: WerkstattSeedInput): Promise<{ statements: string[] }> {
	return ctx.db.transaction(async (tx) => {
		const werkstatt = await werkstattOfOrg(tx, ctx.org.orgId, werkstattId);
		const rows = await tx
			.insert(werkstattStatements)
			.values(input.statements.map((text, i) => ({ werkstattId: werkstatt.id, kind: 'statement' as const, text, status: 'visible' as const, createdAt: new Date(ctx.now.getTime() + i) })))
			.returning({ id: werkstattStatements.id });
		for (const { id } of rows) await recordEvent(tx, werkstatt.id, 'statement.posted', { statement: id, status: 'visible' });
		return { statements: rows.map((row) => row.id) };
	});
}
