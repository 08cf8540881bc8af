import { json } from '@sveltejs/kit';
import { publicGlossaryJson } from '$lib/server/glossary/get-public-glossary-json';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Public: an organisation's glossary (Vorschläge and abgestimmte Einträge). */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(await publicGlossaryJson(ctx, event.params.slug)));
