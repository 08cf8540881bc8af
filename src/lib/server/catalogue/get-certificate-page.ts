import { AppError } from '../errors';
import { certificateByCode } from './certificate-records';
import type { Visitor } from './catalogue-context';

/** /bescheinigung/{code}: public verification shows the holder and the module, nothing else of the registration. */
export async function getCertificatePage(ctx: Visitor, code: string) {
	const certificate = await certificateByCode(ctx.db, code);
	if (!certificate) throw new AppError('not_found', 'Diese Teilnahmebescheinigung kennen wir nicht. Bitte prüfen Sie den Prüfcode.');
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
}
