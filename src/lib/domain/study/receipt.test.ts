import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET, receiptCode } from './receipt';

describe('receiptCode', () => {
	it('uses no characters that look alike: no O/0, no I/l/1', () => {
		for (const confusable of ['O', '0', 'I', 'l', '1', 'o', 'i', 'L']) expect(RECEIPT_ALPHABET).not.toContain(confusable);
		expect(new Set(RECEIPT_ALPHABET).size).toBe(RECEIPT_ALPHABET.length);
		for (let i = 0; i < 200; i++) expect(receiptCode(randomInt)).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
	});

	it('maps each pick to one symbol of the alphabet, first to last', () => {
		let next = 0;
		const picks = [0, 30, 8, 22, 23];
		expect(receiptCode(() => picks[next++ % picks.length])).toBe('A9JZ2-A9JZ2-A9JZ2');
	});
});
