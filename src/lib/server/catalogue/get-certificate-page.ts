import { AppError } from '../errors';
import { keptIdentityOfOrg } from '../identity/organisation-identity';
import { certificateByCode } from './certificate-records';
import type { Visitor } from './catalogue-context';

/**
 * /bescheinigung/{code}: public verification shows the holder and the module, nothing else of the
 * registration — under the issuing organisation's name, logo and colour, with its legal pages in the footer.
 */
export async function getCertificatePage(ctx: Visitor, code: string) {
	const certificate = await certificateByCode(ctx.db, code);
	if (!certificate) throw new AppError('not_found', 'Diese Teilnahmebescheinigung kennen wir nicht. Bitte prüfen Sie den Prüfcode.');
	const identity = await keptIdentityOfOrg(ctx.db, certificate.orgId);
	return {
		identity,
		certificate: {
			code: certificate.code,
			holderName: certificate.holderName,
			moduleTitle: certificate.moduleTitle,
			parts: certificate.parts,
			orgName: identity?.name ?? certificate.orgName,
			issuedAt: certificate.issuedAt,
			revoked: certificate.revokedAt !== null
		}
	};
}
