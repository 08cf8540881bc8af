import { LIMITS } from '../../domain/glossary/entry';
import { termFromText } from '../../domain/glossary/term-from-text';
import type { TenantContext } from '../tenant';
import { statementForReuse, type StatementReference } from '../werkstatt/get-statement-for-reuse';

/**
 * A new glossary entry started from a Werkstatt question or statement: the text as the explanation
 * to rework, where it came from as the source, and the term when the item names or asks about one.
 * Only items the organiser may see on the board (not hidden) can be taken.
 */
export async function entryPrefillFromStatement(ctx: TenantContext, reference: StatementReference): Promise<Record<string, string> | null> {
	const item = await statementForReuse(ctx, reference);
	if (!item) return null;
	return { term: termFromText(item.text, LIMITS.term), plain: clipped(item.text, LIMITS.plain), sources: clipped(`Werkstatt „${item.werkstattTitle}“`, LIMITS.listItem) };
}

const clipped = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
