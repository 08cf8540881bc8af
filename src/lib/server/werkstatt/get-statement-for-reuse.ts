import { and, eq, ne } from 'drizzle-orm';
import type { TenantContext } from '../tenant';
import { werkstattStatements } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../validate';
import { werkstattOfOrg } from './werkstatt-records';

export interface StatementReference {
	werkstatt: string | null;
	statement: string | null;
}

export interface ReusableStatement {
	text: string;
	kind: 'question' | 'statement';
	werkstattTitle: string;
}

/** The link's `?werkstatt=…&beitrag=…` (the board's „Weiterverwenden“ links). */
export const statementReference = (url: URL): StatementReference => ({ werkstatt: url.searchParams.get('werkstatt'), statement: url.searchParams.get('beitrag') });

const GONE = 'Diesen Beitrag gibt es in der Werkstatt nicht (mehr), oder er ist verborgen.';

/**
 * A question or statement of one of the organisation's Werkstätten, to become a glossary entry or an
 * open question of a study: only what the organiser sees on the board and has not hidden (a hidden
 * item was taken out of the room, so it is not carried on). Null when the link names none.
 */
export async function statementForReuse(ctx: TenantContext, reference: StatementReference): Promise<ReusableStatement | null> {
	if (!reference.statement && !reference.werkstatt) return null;
	if (!reference.werkstatt || !reference.statement || !isUuid(reference.statement)) throw new AppError('not_found', GONE);
	const werkstatt = await werkstattOfOrg(ctx.db, ctx.org.orgId, reference.werkstatt);
	const [item] = await ctx.db
		.select({ text: werkstattStatements.text, kind: werkstattStatements.kind })
		.from(werkstattStatements)
		.where(and(eq(werkstattStatements.id, reference.statement), eq(werkstattStatements.werkstattId, werkstatt.id), ne(werkstattStatements.status, 'hidden')));
	if (!item) throw new AppError('not_found', GONE);
	return { text: item.text.replace(/\s+/g, ' ').trim(), kind: item.kind, werkstattTitle: werkstatt.title };
}
