import type { GlossaryEntryContent } from '../../domain/glossary/entry';
import type { OrgContext } from '../context';
import { entryJson } from './api-representation';
import { updateGlossaryEntry } from './update-entry';

/** PUT /api/v1/glossary/{id}: the changed entry, answered as its API representation. */
export async function updateEntryJson(ctx: OrgContext, id: string, input: GlossaryEntryContent) {
	return entryJson(await updateGlossaryEntry(ctx, id, input), ctx.baseUrl, ctx.org.orgSlug);
}
