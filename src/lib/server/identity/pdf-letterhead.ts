import { printable } from '../catalogue/pdf';
import type { PdfIdentity } from './pdf-identity';

/*
 * The organisation at the top of a PDF drawn with pdfkit directly (certificates, attendance lists,
 * the glossary booklet): its logo when it has one (PNG/JPEG), then its name. The tagged reports
 * (results, plan, personal data) use Report.logo and their own facts line instead.
 */

const LOGO = { width: 160, height: 48 };
const MUTED = '#4a5759';

/** Draws the logo and name at (x, y) within `width`; returns the y below them. */
export function letterhead(doc: PDFKit.PDFDocument, identity: PdfIdentity, x: number, y: number, width: number): number {
	let top = y;
	if (identity.logo) {
		doc.image(identity.logo, x, top, { fit: [LOGO.width, LOGO.height] });
		top += LOGO.height + 8;
	}
	doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(printable(identity.name), x, top, { width });
	doc.fillColor('#1c2526');
	return doc.y;
}
