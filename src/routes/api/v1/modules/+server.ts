import { json } from '@sveltejs/kit';
import { moduleJson } from '$lib/server/catalogue/api-representation';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { listPublishedModules, readFilter } from '$lib/server/catalogue/public-catalogue';
import { saveModule } from '$lib/server/catalogue/save-module';
import { readBody } from '$lib/server/catalogue/validate';
import { moduleInputSchema } from '$lib/schemas/catalogue';
import { getDatabase } from '$lib/server/db/client';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

/** Public: published modules of every organisation on the instance, filterable. */
export const GET: RequestHandler = apiHandler(async ({ url }) => {
	const env = catalogueEnv(url);
	const modules = await listPublishedModules(getDatabase(), readFilter(url.searchParams), env);
	return json({ modules: modules.map((m) => moduleJson(m, env.baseUrl)) });
});

/** Organiser token: creates a module in the token's organisation. */
export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	const ctx = apiTenant(locals, 'org.manage');
	const input = await readBody(request, moduleInputSchema);
	const { id } = await saveModule(ctx, input);
	return json({ id }, { status: 201, headers: { location: `/api/v1/modules/${id}` } });
});
