import { exportGlossary } from '$lib/server/glossary/export-glossary';
import { runDownload } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runDownload(event, 'org.manage', (ctx) => exportGlossary(ctx, event.params.format));
