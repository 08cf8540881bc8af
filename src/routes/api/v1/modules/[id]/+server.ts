import { json } from '@sveltejs/kit';
import { moduleJson } from '$lib/server/catalogue/api-representation';
import { readableModule } from '$lib/server/catalogue/public-views';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Public for published modules; a token of the module's own organisation also sees drafts and archived ones. */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(moduleJson(await readableModule(ctx, event.params.id), ctx.baseUrl)));
