import { json } from '@sveltejs/kit';
import { moduleJson } from '$lib/server/catalogue/api-representation';
import { getReadableModule } from '$lib/server/catalogue/get-readable-module';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Public for published modules; a token of the module's own organisation also sees drafts and archived ones. */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(moduleJson(await getReadableModule(ctx, event.params.id), ctx.baseUrl)));
