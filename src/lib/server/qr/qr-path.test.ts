import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-path';

describe('a QR code as an SVG path', () => {
	it('draws exactly the dark modules of the QR code, inside a quiet zone', () => {
		const link = 'https://stadtwissen.test/w/ABC234';
		const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
		let dark = 0;
		for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) dark += modules.get(y, x) ? 1 : 0;
		const path = qrPath(link);
		expect(path.size).toBe(modules.size + 2);
		const drawn = [...path.d.matchAll(/M(\d+) (\d+)h(\d+)/g)].reduce((sum, m) => sum + Number(m[3]), 0);
		expect(drawn).toBe(dark);
		expect(Math.min(...[...path.d.matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]))).toBe(1);
	});

	it('puts every dark module where the QR code has it', () => {
		const link = 'https://stadtwissen.test/app/katalog/einlass/0b7c1f0e-3f4a-4c1e-9d61-2f7a1b0c9e11';
		const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
		const drawn = new Set<string>();
		for (const m of qrPath(link).d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
			for (let i = 0; i < Number(m[3]); i++) drawn.add(`${Number(m[1]) - 1 + i},${Number(m[2]) - 1}`);
		}
		for (let y = 0; y < modules.size; y++) {
			for (let x = 0; x < modules.size; x++) expect(drawn.has(`${x},${y}`)).toBe(Boolean(modules.get(y, x)));
		}
	});
});
