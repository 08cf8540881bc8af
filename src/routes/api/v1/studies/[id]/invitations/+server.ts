import { json } from '@sveltejs/kit';
import { apiHandler, readJson } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { invitationBodySchema } from '$lib/server/studies/api-representation';
import { publicBaseUrl } from '$lib/server/studies/invitation-sheet';
import { createInvitationBatch } from '$lib/server/studies/invitations';
import { getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/**
 * A batch of anonymous links for one group. The links are returned once here; they stay
 * downloadable in the web interface until the hand-out is confirmed.
 */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request, url }) => {
	const ctx = apiTenant(locals, 'org.manage');
	await getStudy(ctx, params.id);
	const body = await readJson(request, invitationBodySchema);
	const batch = await createInvitationBatch(ctx, { studyId: params.id, group: body.group, count: body.count, baseUrl: publicBaseUrl(url) });
	return json({ batchId: batch.batchId, group: body.group, tokens: batch.tokens, links: batch.links }, { status: 201 });
});
