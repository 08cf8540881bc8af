import QRCode from 'qrcode';

/*
 * QR codes for the pages that show one: the join link of a Werkstatt (board and projector) and
 * the check-in link on a registrant's page in the catalogue. The server computes the path, the
 * page draws it (components/ui/QrCode.svelte), so no QR library reaches the browser.
 */

/** A QR code as one SVG path over a square of `size` modules (plus a quiet zone of one module each side). */
export interface QrPath {
	size: number;
	d: string;
}

/** `text` as a QR code (error correction M), dark modules as unit squares, one run per row. */
export function qrPath(text: string): QrPath {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = modules.size;
	let d = '';
	for (let y = 0; y < n; y++) {
		let x = 0;
		while (x < n) {
			if (!modules.get(y, x)) {
				x++;
				continue;
			}
			const start = x;
			while (x < n && modules.get(y, x)) x++;
			d += `M${start + 1} ${y + 1}h${x - start}v1h${start - x}z`;
		}
	}
	return { size: n + 2, d };
}
