import { AppError } from '../errors';
import { pdfIdentity } from '../identity/pdf-identity';
import { certificateByCode } from './certificate-records';
import { certificatePdf } from './certificate-pdf';
import { viewRegistration } from './view-registration';
import type { Visitor } from './catalogue-context';

/** The attendee's own certificate, through their personal link. */
export async function getAttendeeCertificate(ctx: Visitor, token: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const { certificateCode } = await viewRegistration(ctx, token);
	const certificate = certificateCode ? await certificateByCode(ctx.db, certificateCode) : null;
	if (!certificate || certificate.revokedAt) throw new AppError('not_found', 'Für diese Anmeldung gibt es keine Teilnahmebescheinigung.');
	return { bytes: await certificatePdf(certificate, ctx.baseUrl, true, await pdfIdentity(ctx.db, certificate.orgId)), fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` };
}
