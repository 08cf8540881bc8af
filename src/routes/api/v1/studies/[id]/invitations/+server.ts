import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { invitationBodySchema } from '$lib/server/studies/api-representation';
import { createInvitationBatch } from '$lib/server/studies/create-invitation-batch';
import { getStudy } from '$lib/server/studies/get-study';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/**
 * A batch of anonymous links for one group. The links are returned once here; they stay
 * downloadable in the web interface until the hand-out is confirmed.
 */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		await getStudy(ctx, event.params.id);
		const { group, count } = await readBody(event.request, invitationBodySchema);
		const batch = await createInvitationBatch(ctx, { studyId: event.params.id, group, count, baseUrl: ctx.baseUrl });
		return json({ batchId: batch.batchId, group, tokens: batch.tokens, links: batch.links }, { status: 201 });
	});
