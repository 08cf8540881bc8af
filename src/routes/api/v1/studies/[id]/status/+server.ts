import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { statusBodySchema, studyDocument } from '$lib/server/studies/api-representation';
import { changeStudyStatus } from '$lib/server/studies/change-study-status';
import { getStudy } from '$lib/server/studies/get-study';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** draft → open → closed → published; 409 for any other step (the next round: POST …/rounds). */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		await getStudy(ctx, event.params.id);
		await changeStudyStatus(ctx, event.params.id, (await readBody(event.request, statusBodySchema)).status);
		return json(await studyDocument(ctx, event.params.id));
	});
