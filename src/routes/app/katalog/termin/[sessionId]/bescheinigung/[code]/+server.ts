import { error } from '@sveltejs/kit';
import { certificatePdf, ownCertificate } from '$lib/server/catalogue/certificates';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { AppError } from '$lib/server/errors';
import { attachment } from '$lib/server/http/download';
import { requireTenant } from '$lib/server/http/guard';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	try {
		const certificate = await ownCertificate(ctx, params.code);
		if (certificate.sessionId !== params.sessionId) throw new AppError('not_found', 'Diese Bescheinigung gibt es nicht.');
		const bytes = await certificatePdf(certificate, catalogueEnv(url).baseUrl);
		return attachment({ body: bytes, contentType: 'application/pdf', fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` });
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
