import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { studyDocument } from '$lib/server/studies/api-representation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runApi(event, 'results.read', async (ctx) => json(await studyDocument(ctx, event.params.id)));
