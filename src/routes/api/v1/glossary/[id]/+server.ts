import { json } from '@sveltejs/kit';
import { glossaryEntryApiSchema } from '$lib/schemas/glossary';
import { entryJsonById } from '$lib/server/glossary/get-entry-json';
import { updateEntryJson } from '$lib/server/glossary/update-entry-json';
import { deleteGlossaryEntry } from '$lib/server/glossary/delete-entry';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runApi(event, 'org.manage', async (ctx) => json(await entryJsonById(ctx, event.params.id)));

/** Replaces the entry's content (its address stays). */
export const PUT: RequestHandler = (event) => runApi(event, 'org.manage', async (ctx) => json(await updateEntryJson(ctx, event.params.id, await readBody(event.request, glossaryEntryApiSchema))));

export const DELETE: RequestHandler = (event) => runApi(event, 'org.manage', async (ctx) => (await deleteGlossaryEntry(ctx, event.params.id), new Response(null, { status: 204 })));
