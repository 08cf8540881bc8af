import type { GlossaryEntryContent } from '../../domain/glossary/entry';
import type { OrgContext } from '../context';
import { entryJson } from './api-representation';
import { createGlossaryEntry } from './create-entry';

/** POST /api/v1/glossary: a new entry, answered as its API representation. */
export async function createEntryJson(ctx: OrgContext, input: GlossaryEntryContent) {
	return entryJson(await createGlossaryEntry(ctx, input), ctx.baseUrl, ctx.org.orgSlug);
}
