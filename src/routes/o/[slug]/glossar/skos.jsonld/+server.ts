import { publicGlossaryFile } from '$lib/server/glossary/export-glossary';
import { runDownload } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runDownload(event, 'public', (ctx) => publicGlossaryFile(ctx, event.params.slug, 'skos'));
