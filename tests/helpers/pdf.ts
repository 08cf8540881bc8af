/** The text a PDF shows, from its uncompressed content streams: the hex strings of every TJ (WinAnsi ≈ Latin-1). */
export function pdfText(pdf: Uint8Array): string {
	const raw = Buffer.from(pdf).toString('latin1');
	return [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)]
		.map((m) => [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''))
		.join('\n');
}
