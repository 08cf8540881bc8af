import PDFDocument from 'pdfkit';

/** A4 PDFs with the standard Helvetica (WinAnsi covers German umlauts, ß, „“ and –). */
export function newPdf(title: string, layout: 'portrait' | 'landscape' = 'portrait', compress = true): PDFKit.PDFDocument {
	return new PDFDocument({ size: 'A4', layout, margin: 56, compress, lang: 'de-DE', displayTitle: true, info: { Title: title, Creator: 'Stadtwissen' } });
}

/** The text drawn in an uncompressed PDF (for tests): pdfkit writes each run as a hex string. */
export function pdfText(bytes: Uint8Array): string {
	const source = Buffer.from(bytes).toString('latin1');
	const runs = [...source.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)].map((match) =>
		[...match[1].matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1], 'hex').toString('latin1')).join('')
	);
	return runs.join('\n');
}

export function pdfBytes(document: PDFKit.PDFDocument): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		document.on('data', (chunk: Buffer) => chunks.push(chunk));
		document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		document.on('error', reject);
		document.end();
	});
}

/** Characters outside WinAnsi (e.g. emoji) would print as garbage with the standard fonts. */
export function printable(text: string): string {
	return text.replace(/[\t\n\r]/g, ' ').replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018-\u201e\u2022\u2026\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e]/g, '?');
}
