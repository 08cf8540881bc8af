import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { studyJson } from '$lib/server/studies/api-representation';
import { progressByGroup } from '$lib/server/studies/invitations';
import { getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const ctx = apiTenant(locals, 'results.read');
	const study = await getStudy(ctx, params.id);
	return json(studyJson(study, await progressByGroup(ctx, study.id)));
});
