import type { GlossaryEntryContent } from '../../domain/glossary/entry';
import type { OrgContext, RequestContext } from '../context';
import { entryJson } from './api-representation';
import { createGlossaryEntry } from './create-entry';
import { organisationBySlug } from './entries';
import { getGlossaryEntry } from './get-entry';
import { listGlossaryEntries } from './list-entries';
import { publicEntries } from './public-glossary';
import { updateGlossaryEntry } from './update-entry';

/** GET /api/v1/orgs/{slug}/glossary: the public glossary (no outdated entries). */
export async function publicGlossaryJson(ctx: RequestContext, slug: string) {
	const org = await organisationBySlug(ctx.db, slug);
	const entries = await publicEntries(ctx.db, org.id);
	return { organisation: { slug: org.slug, name: org.name }, entries: entries.map((entry) => entryJson(entry, ctx.baseUrl, org.slug)) };
}

/** GET /api/v1/glossary: every entry of the token's organisation, optionally of one status. */
export async function organiserGlossaryJson(ctx: OrgContext, status: string | null) {
	const list = await listGlossaryEntries(ctx, status);
	return { entries: list.entries.map((entry) => entryJson(entry, ctx.baseUrl, ctx.org.orgSlug)) };
}

export async function entryJsonById(ctx: OrgContext, id: string) {
	return entryJson(await getGlossaryEntry(ctx, id), ctx.baseUrl, ctx.org.orgSlug);
}

export async function createEntryJson(ctx: OrgContext, input: GlossaryEntryContent) {
	return entryJson(await createGlossaryEntry(ctx, input), ctx.baseUrl, ctx.org.orgSlug);
}

export async function updateEntryJson(ctx: OrgContext, id: string, input: GlossaryEntryContent) {
	return entryJson(await updateGlossaryEntry(ctx, id, input), ctx.baseUrl, ctx.org.orgSlug);
}
