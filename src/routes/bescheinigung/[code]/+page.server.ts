import { error } from '@sveltejs/kit';
import { certificateByCode } from '$lib/server/catalogue/certificates';
import { getDatabase } from '$lib/server/db/client';
import type { PageServerLoad } from './$types';

/** Public verification of a certificate of participation by its code. */
export const load: PageServerLoad = async ({ params }) => {
	const certificate = await certificateByCode(getDatabase(), params.code);
	if (!certificate) error(404, 'Diese Teilnahmebescheinigung kennen wir nicht. Bitte prüfen Sie den Prüfcode.');
	return {
		certificate: {
			code: certificate.code,
			holderName: certificate.holderName,
			moduleTitle: certificate.moduleTitle,
			parts: certificate.parts,
			orgName: certificate.orgName,
			issuedAt: certificate.issuedAt,
			revoked: certificate.revokedAt !== null
		}
	};
};
