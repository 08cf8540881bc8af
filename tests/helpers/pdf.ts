import { inflateSync } from 'node:zlib';

/** The text a PDF shows, from its uncompressed content streams: the hex strings of every TJ (WinAnsi ≈ Latin-1). */
export function pdfText(pdf: Uint8Array): string {
	const raw = Buffer.from(pdf).toString('latin1');
	return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)]
		.map((m) => [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''))
		.join('\n');
}

/** A PDF as the server sends it (content streams deflated), with every stream inflated so pdfText and colour operators can be read. */
export function inflatedPdf(pdf: Uint8Array): Buffer {
	const raw = Buffer.from(pdf).toString('latin1');
	const inflated = raw.replace(/stream\r?\n([\s\S]*?)\r?\nendstream/g, (whole, body: string) => {
		try {
			return `stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
		} catch {
			return whole;
		}
	});
	return Buffer.from(inflated, 'latin1');
}
