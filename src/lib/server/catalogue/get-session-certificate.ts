import { AppError } from '../errors';
import { pdfIdentity } from '../identity/pdf-identity';
import { certificatePdf } from './certificate-pdf';
import { ownCertificate } from './certificate-records';
import type { Organiser } from './catalogue-context';

/** A certificate of one of the session's attendees, as a PDF; 404 for a code of another session. */
export async function getSessionCertificate(ctx: Organiser, sessionId: string, code: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const certificate = await ownCertificate(ctx, code);
	if (certificate.sessionId !== sessionId) throw new AppError('not_found', 'Diese Bescheinigung gibt es nicht.');
	return { bytes: await certificatePdf(certificate, ctx.baseUrl, true, await pdfIdentity(ctx.db, certificate.orgId)), fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` };
}
