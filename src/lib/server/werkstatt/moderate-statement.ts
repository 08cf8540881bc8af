import { and, eq } from 'drizzle-orm';
import type { WerkstattModerateInput } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { werkstattStatements } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../validate';
import { recordEvent, werkstattOfOrg } from './werkstatt-records';

type StatementRow = typeof werkstattStatements.$inferSelect;

export interface ModeratedStatement {
	id: string;
	kind: 'question' | 'statement';
	text: string;
	status: 'pending' | 'visible' | 'hidden';
	answered: boolean;
	pinned: boolean;
}

const changesFor = (input: WerkstattModerateInput): Partial<StatementRow> => {
	switch (input.action) {
		case 'approve':
			return { status: 'visible' };
		case 'hide':
			return { status: 'hidden', pinned: false };
		case 'answer':
			return { answered: true };
		case 'unanswer':
			return { answered: false };
		case 'pin':
			return { pinned: true };
		case 'unpin':
			return { pinned: false };
		case 'edit':
			return { text: input.text };
	}
};

/**
 * The facilitator approves, hides, marks answered, pins to the projector (one item at a time: pinning
 * another unpins the previous one) or corrects a typo. Works while the Werkstatt is closed as well.
 */
export async function moderateStatement(ctx: OrgContext, werkstattId: string, statementId: string, input: WerkstattModerateInput): Promise<ModeratedStatement> {
	return ctx.db.transaction(async (tx) => {
		const werkstatt = await werkstattOfOrg(tx, ctx.org.orgId, werkstattId, true);
		const [statement] = isUuid(statementId)
			? await tx
					.select()
					.from(werkstattStatements)
					.where(and(eq(werkstattStatements.id, statementId), eq(werkstattStatements.werkstattId, werkstatt.id)))
			: [];
		if (!statement) throw new AppError('not_found', 'Diesen Beitrag gibt es in dieser Werkstatt nicht.');
		const changes = changesFor(input);
		if (input.action === 'pin') {
			if (statement.status !== 'visible') throw new AppError('conflict', 'Nur sichtbare Beiträge können auf die Leinwand. Bitte geben Sie den Beitrag zuerst frei.');
			const unpinned = await tx
				.update(werkstattStatements)
				.set({ pinned: false })
				.where(and(eq(werkstattStatements.werkstattId, werkstatt.id), eq(werkstattStatements.pinned, true)))
				.returning({ id: werkstattStatements.id });
			for (const { id } of unpinned.filter((row) => row.id !== statement.id)) await recordEvent(tx, werkstatt.id, 'statement.changed', { statement: id });
		}
		const [changed] = await tx.update(werkstattStatements).set(changes).where(eq(werkstattStatements.id, statement.id)).returning();
		await recordEvent(tx, werkstatt.id, 'statement.changed', { statement: changed.id, status: changed.status });
		return { id: changed.id, kind: changed.kind, text: changed.text, status: changed.status, answered: changed.answered, pinned: changed.pinned };
	});
}
