import { error } from '@sveltejs/kit';
import { attendancePdf } from '$lib/server/catalogue/attendance';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { AppError } from '$lib/server/errors';
import { attachment } from '$lib/server/http/download';
import { requireTenant } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	try {
		const file = await attendancePdf(ctx, params.sessionId, catalogueEnv(url));
		return attachment({ body: file.bytes, contentType: 'application/pdf', fileName: file.fileName });
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
