import type { OrgContext } from '../context';
import { entryJson } from './api-representation';
import { getGlossaryEntry } from './get-entry';

/** GET /api/v1/glossary/{id}: one entry of the token's organisation. */
export async function entryJsonById(ctx: OrgContext, id: string) {
	return entryJson(await getGlossaryEntry(ctx, id), ctx.baseUrl, ctx.org.orgSlug);
}
