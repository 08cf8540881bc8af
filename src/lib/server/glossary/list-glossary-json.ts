import type { OrgContext } from '../context';
import { entryJson } from './api-representation';
import { listGlossaryEntries } from './list-entries';

/** GET /api/v1/glossary: every entry of the token's organisation, optionally of one status. */
export async function organiserGlossaryJson(ctx: OrgContext, status: string | null) {
	const list = await listGlossaryEntries(ctx, status);
	return { entries: list.entries.map((entry) => entryJson(entry, ctx.baseUrl, ctx.org.orgSlug)) };
}
