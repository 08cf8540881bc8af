import { json } from '@sveltejs/kit';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { studyJson } from '$lib/server/studies/api-representation';
import { progressByGroup } from '$lib/server/studies/invitations';
import { getStudy, startNextRound } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/** Delphi: opens the next round of a closed study; every link of the study is valid again. */
export const POST: RequestHandler = apiHandler(async ({ locals, params }) => {
	const ctx = apiTenant(locals, 'org.manage');
	await startNextRound(ctx, (await getStudy(ctx, params.id)).id);
	const study = await getStudy(ctx, params.id);
	return json(studyJson(study, await progressByGroup(ctx, study.id)));
});
