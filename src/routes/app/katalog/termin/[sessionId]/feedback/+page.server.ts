import { error } from '@sveltejs/kit';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { FEEDBACK_MIN_GROUP, feedbackResults } from '$lib/server/catalogue/feedback';
import { getOwnSession } from '$lib/server/catalogue/get-module';
import { AppError } from '$lib/server/errors';
import { requireTenant } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	try {
		const { module, session } = await getOwnSession(ctx, params.sessionId, catalogueEnv(url));
		return { module: { id: module.id, title: module.title }, session: { id: session.id, parts: session.parts }, results: await feedbackResults(ctx, session.id), min: FEEDBACK_MIN_GROUP };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
