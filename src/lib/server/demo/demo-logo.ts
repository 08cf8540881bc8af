import { deflateSync } from 'node:zlib';

/*
 * The demo organisation's logo, drawn in code (no binary in the repository): a blue disc with
 * a white town gate — two towers with battlements and an arched gateway. 96 × 96 px RGBA PNG.
 */

const SIZE = 96;
const BLUE = [0x1a, 0x4d, 0x8f];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** Whether (x, y) belongs to the white gate. */
function gate(x: number, y: number): boolean {
	const tower = (left: number) => x >= left && x < left + 18 && y >= 30 && y < 72 && !(y < 36 && (x - left) % 6 >= 3);
	const wall = x >= 26 && x < 70 && y >= 42 && y < 72 && !(y < 48 && (x - 26) % 8 >= 4);
	const arch = (x - 48) ** 2 + (y - 58) ** 2 < 64 || (x >= 40 && x < 56 && y >= 58 && y < 72);
	return (tower(20) || tower(58) || wall) && !arch;
}

export function demoLogoPng(): Buffer {
	const rows: Buffer[] = [];
	for (let y = 0; y < SIZE; y += 1) {
		const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
		for (let x = 0; x < SIZE; x += 1) {
			const inside = (x + 0.5 - SIZE / 2) ** 2 + (y + 0.5 - SIZE / 2) ** 2 <= (SIZE / 2 - 1) ** 2;
			const [r, g, b] = gate(x, y) ? [255, 255, 255] : BLUE;
			row.set(inside ? [r, g, b, 255] : [0, 0, 0, 0], 1 + x * 4);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(SIZE, 0);
	header.writeUInt32BE(SIZE, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8 bit, RGBA, deflate, no filter method, no interlace
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
