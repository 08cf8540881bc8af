import { json } from '@sveltejs/kit';
import { glossaryEntryApiSchema } from '$lib/schemas/glossary';
import { createEntryJson } from '$lib/server/glossary/create-entry-json';
import { organiserGlossaryJson } from '$lib/server/glossary/list-glossary-json';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: every entry of the organisation (`?status=` filters). */
export const GET: RequestHandler = (event) => runApi(event, 'org.manage', async (ctx) => json(await organiserGlossaryJson(ctx, event.url.searchParams.get('status'))));

/** Organiser token: a new entry. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		const entry = await createEntryJson(ctx, await readBody(event.request, glossaryEntryApiSchema));
		return json(entry, { status: 201, headers: { location: `/api/v1/glossary/${entry.id}` } });
	});
