import { json } from '@sveltejs/kit';
import { apiHandler, readJson } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { statusBodySchema, studyJson } from '$lib/server/studies/api-representation';
import { progressByGroup } from '$lib/server/studies/invitations';
import { changeStudyStatus, getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/** draft → open → closed → published; 409 for any other step (the next round: POST …/rounds). */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const ctx = apiTenant(locals, 'org.manage');
	await getStudy(ctx, params.id);
	const { status } = await readJson(request, statusBodySchema);
	await changeStudyStatus(ctx, params.id, status);
	const study = await getStudy(ctx, params.id);
	return json(studyJson(study, await progressByGroup(ctx, study.id)));
});
