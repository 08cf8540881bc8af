import { error } from '@sveltejs/kit';
import { certificateByCode, certificatePdf } from '$lib/server/catalogue/certificates';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { viewRegistration } from '$lib/server/catalogue/manage-registration';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { attachment } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The attendee's own certificate, through their personal link. */
export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDatabase();
	const env = catalogueEnv(url);
	let code: string | null;
	try {
		code = (await viewRegistration(db, params.token, env)).certificateCode;
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
	const certificate = code ? await certificateByCode(db, code) : null;
	if (!certificate || certificate.revokedAt) error(404, 'Für diese Anmeldung gibt es keine Teilnahmebescheinigung.');
	const bytes = await certificatePdf(certificate, env.baseUrl);
	return attachment({ body: bytes, contentType: 'application/pdf', fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` });
};
