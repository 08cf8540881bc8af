import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { writeCsv } from '../../domain/framework/csv';
import { protectFromFormula } from '../../format/spreadsheet';
import type { DownloadFile } from '../http/download';
import type { PdfIdentity } from '../identity/pdf-identity';

export interface InvitationSheetInput {
	studyTitle: string;
	groupKey: string;
	groupLabel: string;
	links: readonly string[];
	/** YYYY-MM-DD, for the file name. */
	day: string;
	/** The asking organisation, on every slip of the PDF: its name (and logo) at the foot, the title in its colour. */
	identity?: PdfIdentity | null;
}

const fileStem = (input: InvitationSheetInput) => `einladungslinks-${input.groupKey}-${input.day}`;

/** One link per row with its group; UTF-8 with BOM and `;`, so German Excel opens it without an import dialogue. */
export function invitationCsv(input: InvitationSheetInput): DownloadFile {
	const rows = [['Nr.', 'Gruppe', 'Link'], ...input.links.map((link, index) => [String(index + 1), protectFromFormula(input.groupLabel), link])];
	return { body: '\uFEFF' + writeCsv(rows, ';', '\r\n'), contentType: 'text/csv; charset=utf-8', fileName: `${fileStem(input)}.csv` };
}

// Characters the PDF standard fonts (WinAnsiEncoding) can print besides Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const printable = (text: string) =>
	[...text.normalize('NFC')]
		.map((c) => {
			const code = c.charCodeAt(0);
			if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
			return code < 0x100 || WIN_ANSI_EXTRA.has(c) ? c : '?';
		})
		.join('');

export const SLIP_INSTRUCTION = 'Scannen Sie den Code mit dem Handy oder tippen Sie den Link ein – Ihre Antworten bleiben anonym.';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const COLUMNS = 2;
const ROWS = 5;
const PADDING = 12;
const QR_SIZE = 96;
const FOOT_LOGO = { width: 56, height: 14 };

/**
 * A4 pages of cut-off slips, ten per page: each with a QR code, the link in print and one sentence
 * on what to do, and the asking organisation at its foot. The dashed lines show where to cut.
 */
export async function invitationPdf(input: InvitationSheetInput): Promise<DownloadFile> {
	const title = printable(input.studyTitle);
	const group = printable(input.groupLabel);
	const identity = input.identity ?? null;
	const colour = identity?.colour ?? '#000000';
	const codes = await Promise.all(input.links.map((link) => QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 })));

	const doc = new PDFDocument({
		size: 'A4',
		margin: 0,
		autoFirstPage: false,
		lang: 'de-DE',
		displayTitle: true,
		info: { Title: `Einladungslinks: ${title} (${group})`, Author: 'Stadtwissen', Creator: 'Stadtwissen' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', resolve);
		doc.on('error', reject);
	});

	const slipWidth = (A4.width - 2 * MARGIN) / COLUMNS;
	const slipHeight = (A4.height - 2 * MARGIN) / ROWS;
	const perPage = COLUMNS * ROWS;

	input.links.forEach((link, index) => {
		const slot = index % perPage;
		if (slot === 0) {
			doc.addPage();
			drawCutLines(doc, slipWidth, slipHeight, Math.min(perPage, input.links.length - index));
		}
		const x = MARGIN + (slot % COLUMNS) * slipWidth;
		const y = MARGIN + Math.floor(slot / COLUMNS) * slipHeight;
		const inner = slipWidth - 2 * PADDING;
		doc.image(codes[index], x + PADDING, y + PADDING, { width: QR_SIZE, height: QR_SIZE });

		const textX = x + PADDING + QR_SIZE + 10;
		const textWidth = inner - QR_SIZE - 10;
		doc.fillColor(colour).font('Helvetica-Bold').fontSize(9.5).text(title, textX, y + PADDING, { width: textWidth, height: 24, ellipsis: true, lineGap: 0.5 });
		doc.fillColor('#000000').font('Helvetica').fontSize(8.5).text(`Gruppe: ${group}`, textX, y + PADDING + 27, { width: textWidth, height: 22, ellipsis: true });
		doc.fontSize(8.5).text(SLIP_INSTRUCTION, textX, y + PADDING + 50, { width: textWidth, lineGap: 0.5 });

		const cut = link.lastIndexOf('/') + 1;
		doc.font('Courier').fontSize(8).text(printable(link.slice(0, cut)), x + PADDING, y + PADDING + QR_SIZE + 6, { width: inner, lineBreak: false });
		doc.font('Courier-Bold').fontSize(9).text(printable(link.slice(cut)), x + PADDING, y + PADDING + QR_SIZE + 17, { width: inner, lineBreak: false });
		if (identity) drawFoot(doc, identity, x + PADDING, y + PADDING + QR_SIZE + 31, inner);
	});
	if (input.links.length === 0) doc.addPage();
	doc.end();
	await finished;
	return { body: new Uint8Array(Buffer.concat(chunks)), contentType: 'application/pdf', fileName: `${fileStem(input)}.pdf` };
}

/** The organisation's name in its colour at the foot of a slip, its logo (when it has one) at the right. */
function drawFoot(doc: PDFKit.PDFDocument, identity: PdfIdentity, x: number, y: number, width: number) {
	const logoRoom = identity.logo ? FOOT_LOGO.width + 6 : 0;
	if (identity.logo) doc.image(identity.logo, x + width - FOOT_LOGO.width, y - 2, { fit: [FOOT_LOGO.width, FOOT_LOGO.height], align: 'right', valign: 'center' });
	doc.fillColor(identity.colour).font('Helvetica-Bold').fontSize(8).text(printable(identity.name), x, y, { width: width - logoRoom, height: 10, ellipsis: true, lineBreak: false });
	doc.fillColor('#000000');
}

function drawCutLines(doc: PDFKit.PDFDocument, slipWidth: number, slipHeight: number, slips: number) {
	const rows = Math.ceil(slips / COLUMNS);
	doc.save().lineWidth(0.6).strokeColor('#777777').dash(4, { space: 3 });
	for (let row = 0; row <= rows; row += 1) {
		const y = MARGIN + row * slipHeight;
		doc.moveTo(MARGIN, y).lineTo(A4.width - MARGIN, y).stroke();
	}
	for (let column = 0; column <= COLUMNS; column += 1) {
		const x = MARGIN + column * slipWidth;
		doc.moveTo(x, MARGIN).lineTo(x, MARGIN + rows * slipHeight).stroke();
	}
	doc.undash().restore();
}
