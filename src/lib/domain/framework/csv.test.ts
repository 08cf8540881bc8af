import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from './csv';

describe('writeCsv', () => {
	it('quotes cells with separators, quotes, any line break and spaces at the edges', () => {
		expect(writeCsv([['a;b', 'say "hi"', 'cr\ronly', 'lf\nonly', ' padded', 'plain']], ';', '\n')).toBe(
			'"a;b";"say ""hi""";"cr\ronly";"lf\nonly";" padded";plain\n'
		);
	});
});

describe('parseCsv', () => {
	it('reads back what writeCsv wrote', () => {
		const rows = [['a;b', 'say "hi"', 'cr\ronly', 'crlf\r\nin cell', ' padded ', '']];
		expect(parseCsv(writeCsv(rows, ';', '\r\n'), ';')).toEqual({ ok: true, rows: [{ line: 1, cells: rows[0] }] });
	});

	it('numbers rows like a spreadsheet and drops rows without content', () => {
		expect(parseCsv('h1,h2\n\n"x\ny",1\n , \nz,2\n', ',')).toEqual({
			ok: true,
			rows: [
				{ line: 1, cells: ['h1', 'h2'] },
				{ line: 3, cells: ['x\ny', '1'] },
				{ line: 5, cells: ['z', '2'] }
			]
		});
	});

	it('keeps stray quotes inside unquoted cells', () => {
		expect(parseCsv('a;5" Bildschirm', ';')).toEqual({ ok: true, rows: [{ line: 1, cells: ['a', '5" Bildschirm'] }] });
	});
});
