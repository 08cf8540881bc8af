import { json } from '@sveltejs/kit';
import { frameworkDetailJson } from '$lib/server/frameworks/api-representation';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	runApi(event, 'frameworks.read', async (ctx) => {
		const framework = await getFramework(ctx, event.params.id);
		return json(frameworkDetailJson(framework, framework.document));
	});
