import { json } from '@sveltejs/kit';
import { frameworkDetailJson } from '$lib/server/frameworks/api-representation';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const ctx = apiTenant(locals, 'frameworks.read');
	const framework = await getFramework(ctx, params.id);
	return json(frameworkDetailJson(framework, framework.document));
});
