import { json } from '@sveltejs/kit';
import { moduleInputSchema } from '$lib/schemas/catalogue';
import { moduleJson } from '$lib/server/catalogue/api-representation';
import { listPublishedModules } from '$lib/server/catalogue/list-published-modules';
import { readFilter } from '$lib/server/catalogue/catalogue-filter';
import { saveModule } from '$lib/server/catalogue/save-module';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Public: published modules of every organisation on the instance, filterable. */
export const GET: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const modules = await listPublishedModules(ctx, readFilter(event.url.searchParams));
		return json({ modules: modules.map((m) => moduleJson(m, ctx.baseUrl)) });
	});

/** Organiser token: creates a module in the token's organisation. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		const { id } = await saveModule(ctx, await readBody(event.request, moduleInputSchema));
		return json({ id }, { status: 201, headers: { location: `/api/v1/modules/${id}` } });
	});
