import { compareTerms, initialOf, STAKEHOLDER_LABELS, VOICE_GROUPS, VOICE_LABELS } from '../../domain/glossary/entry';
import { newPdf, pdfBytes, printable } from '../catalogue/pdf';
import type { PdfIdentity } from '../identity/pdf-identity';
import { letterhead } from '../identity/pdf-letterhead';
import type { StoredEntry } from './entries';

/**
 * A printable A4 booklet in the organisation's identity (logo and name on the title page, title
 * and letters in its accent colour): title page, then the entries from A to Z with their letter
 * as heading.
 */
export async function glossaryBooklet(identity: PdfIdentity, entries: readonly StoredEntry[], publicUrl: string, compress = true): Promise<Uint8Array> {
	const organisation = identity.name;
	const doc = newPdf(`Glossar – ${organisation}`, 'portrait', compress);
	const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
	letterhead(doc, identity, doc.page.margins.left, doc.page.margins.top, width);
	doc.moveDown(1.5);
	doc.font('Helvetica-Bold').fontSize(26).fillColor(identity.colour).text(printable('Gemeinsame Sprache'), { width }).fillColor('black');
	doc.moveDown(0.3).font('Helvetica').fontSize(16).text(printable(`Glossar – ${organisation}`), { width });
	doc
		.moveDown(1)
		.fontSize(11)
		.text(printable('Begriffe aus Verwaltung und Stadtentwicklung, erklärt in einfachen Worten – und wie Zivilgesellschaft, Stadtmacher*innen, Wirtschaft und Kultur dazu sagen.'), { width });
	doc.moveDown(0.5).fillColor('#444').text(printable(`Immer aktuell: ${publicUrl}`), { width }).fillColor('black');
	let letter = '';
	for (const entry of [...entries].sort((a, b) => compareTerms(a.term, b.term))) {
		const initial = initialOf(entry.term);
		if (initial !== letter) {
			letter = initial;
			doc.moveDown(1.2).font('Helvetica-Bold').fontSize(18).fillColor(identity.colour).text(letter, { width }).fillColor('black');
		}
		if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
		doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(printable(entry.term + (entry.synonyms.length ? ` (${entry.synonyms.join(', ')})` : '')), { width });
		doc.font('Helvetica').fontSize(10.5).text(printable(entry.plain), { width });
		for (const group of VOICE_GROUPS) if (entry.voices[group]) doc.fontSize(10).text(printable(`${VOICE_LABELS[group]} sagt: ${entry.voices[group]}`), { width });
		if (entry.example) doc.font('Helvetica-Oblique').fontSize(10).text(printable(`Beispiel: ${entry.example}`), { width }).font('Helvetica');
		const notes = [
			entry.sources.length ? `Quelle: ${entry.sources.join('; ')}` : '',
			entry.status === 'abgestimmt' && entry.agreedBy.length ? `Darauf haben wir uns geeinigt: ${entry.agreedBy.map((group) => STAKEHOLDER_LABELS[group]).join(', ')}` : '',
			entry.status === 'vorschlag' ? 'Vorschlag, noch nicht abgestimmt' : ''
		].filter(Boolean);
		if (notes.length) doc.fillColor('#444').fontSize(9).text(printable(notes.join(' · ')), { width }).fillColor('black');
	}
	return pdfBytes(doc);
}
