import { and, count, eq } from 'drizzle-orm';
import { compareTerms, type GlossaryStatus } from '../../domain/glossary/entry';
import type { OrgContext } from '../context';
import { glossaryEntries, glossaryProposals } from '../db/schema';
import { toEntry } from './entries';

/** The organiser's glossary: entries (optionally of one status) in German order, counts per status and open proposals. */
export async function listGlossaryEntries(ctx: OrgContext, statusFilter: string | null) {
	const status = (['vorschlag', 'abgestimmt', 'veraltet'] as const).find((s) => s === statusFilter) ?? null;
	const [rows, proposals] = await Promise.all([
		ctx.db.select().from(glossaryEntries).where(eq(glossaryEntries.orgId, ctx.org.orgId)),
		ctx.db
			.select({ n: count() })
			.from(glossaryProposals)
			.where(and(eq(glossaryProposals.orgId, ctx.org.orgId), eq(glossaryProposals.status, 'open')))
	]);
	const counts: Record<GlossaryStatus, number> = { vorschlag: 0, abgestimmt: 0, veraltet: 0 };
	for (const row of rows) counts[row.status]++;
	return {
		status,
		counts,
		total: rows.length,
		openProposals: proposals[0]?.n ?? 0,
		entries: rows
			.filter((row) => !status || row.status === status)
			.map(toEntry)
			.sort((a, b) => compareTerms(a.term, b.term))
	};
}
