import { json } from '@sveltejs/kit';
import { frameworkSummaryJson } from '$lib/server/frameworks/api-representation';
import { listFrameworks } from '$lib/server/frameworks/get-framework';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	const ctx = apiTenant(locals, 'frameworks.read');
	return json({ frameworks: (await listFrameworks(ctx)).map(frameworkSummaryJson) });
});
