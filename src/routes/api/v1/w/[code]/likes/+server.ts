import { json } from '@sveltejs/kit';
import { werkstattLikeSchema } from '$lib/schemas/werkstatt';
import { bearerToken } from '$lib/server/http/bearer';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { likeQuestion } from '$lib/server/werkstatt/like-question';
import type { RequestHandler } from './$types';

/** Participant token: supports a question (201), once per device (again: 200, nothing changes). */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const { created, ...like } = await likeQuestion(ctx, event.params.code, bearerToken(event.request), await readBody(event.request, werkstattLikeSchema));
		return json(like, { status: created ? 201 : 200 });
	});
