import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { studyDocument } from '$lib/server/studies/api-representation';
import { startNextRound } from '$lib/server/studies/start-next-round';
import type { RequestHandler } from './$types';

/** Delphi: opens the next round of a closed study; every link of the study is valid again. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		await startNextRound(ctx, event.params.id);
		return json(await studyDocument(ctx, event.params.id));
	});
