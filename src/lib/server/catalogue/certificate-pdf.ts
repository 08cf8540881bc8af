import QRCode from 'qrcode';
import { day, duration, spans } from '../../format/berlin-time';
import { translator } from '../../i18n';
import { newPdf, pdfBytes, printable } from './pdf';
import { type CertificateRow } from './certificate-records';
import type { PdfIdentity } from '../identity/pdf-identity';
import { letterhead } from '../identity/pdf-letterhead';

export function verificationUrl(baseUrl: string, code: string): string {
	return `${baseUrl}/bescheinigung/${code}`;
}

/** The certificate as an A4 PDF, in German, with the organisation's logo, name and colour when it has them. */
export async function certificatePdf(certificate: CertificateRow & { orgName: string }, baseUrl: string, compress = true, identity: PdfIdentity | null = null): Promise<Uint8Array> {
	const t = translator('de');
	const url = verificationUrl(baseUrl, certificate.code);
	const doc = newPdf(`Teilnahmebescheinigung – ${certificate.holderName}`, 'portrait', compress);
	const width = doc.page.width - 112;
	const colour = identity?.colour ?? '#0b5c55';
	const orgName = identity?.name ?? certificate.orgName;
	letterhead(doc, identity ?? { name: orgName, colour, logo: null }, 56, 56, width);
	doc.moveDown(2.5);
	doc.font('Helvetica-Bold').fontSize(26).fillColor(colour).text('Teilnahmebescheinigung', { width });
	doc.moveDown(1.2);
	doc.font('Helvetica').fontSize(12).fillColor('#1c2526').text('Hiermit bestätigen wir, dass', { width });
	doc.moveDown(0.4);
	doc.font('Helvetica-Bold').fontSize(18).text(printable(certificate.holderName || '–'), { width });
	doc.moveDown(0.4);
	doc.font('Helvetica').fontSize(12).text('an der Fortbildung', { width });
	doc.moveDown(0.4);
	doc.font('Helvetica-Bold').fontSize(15).text(printable(certificate.moduleTitle), { width });
	if (certificate.moduleSubtitle) doc.font('Helvetica-Oblique').fontSize(11).text(printable(certificate.moduleSubtitle), { width });
	doc.moveDown(0.6);
	doc.font('Helvetica').fontSize(12).text(`am ${printable(spans('de', certificate.parts))}`, { width });
	if (certificate.location) doc.text(`in ${printable(certificate.location)}`, { width });
	doc.text('teilgenommen hat.', { width });
	doc.moveDown(1);
	if (certificate.durationMinutes) doc.font('Helvetica-Bold').text('Umfang: ', { continued: true }).font('Helvetica').text(duration('de', certificate.durationMinutes));
	if (certificate.competences.length) {
		doc.moveDown(0.8);
		doc.font('Helvetica-Bold').text('Kompetenzen, die die Fortbildung stärkt:', { width });
		doc.font('Helvetica').fontSize(11);
		for (const c of certificate.competences) doc.text(`•  ${c.code} ${printable(c.title_de)} (${t(`cat.level.${c.level}`)})`, { width, indent: 8 });
		doc.fontSize(12);
	}
	if (certificate.facilitators.length) {
		doc.moveDown(0.8);
		doc.font('Helvetica-Bold').text('Referent*innen:', { width });
		doc.font('Helvetica').fontSize(11);
		for (const f of certificate.facilitators) doc.text(`•  ${printable([f.name, f.organisation].filter(Boolean).join(', '))}`, { width, indent: 8 });
	}
	const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
	const bottom = doc.page.height - 56 - 96;
	doc.image(qr, 56, bottom, { width: 96, height: 96 });
	doc.font('Helvetica').fontSize(10).fillColor('#1c2526');
	doc.text(`Ausgestellt am ${day('de', certificate.issuedAt)} von ${printable(orgName)}.`, 168, bottom + 4, { width: width - 112 });
	doc.text('Diese Bescheinigung wurde elektronisch erstellt und gilt ohne Unterschrift. Echtheit prüfen:', { width: width - 112 });
	doc.fillColor(colour).text(url, { width: width - 112, link: url, underline: true });
	doc.fillColor('#1c2526').text(`Prüfcode: ${certificate.code}`, { width: width - 112 });
	return pdfBytes(doc);
}
