import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET } from '../study/receipt';
import { joinCode, normaliseJoinCode } from './join-code';

describe('join code', () => {
	it('takes six symbols in the order they are picked', () => {
		const picks = [0, 1, 2, 30, 29, 8];
		expect(joinCode(() => picks.shift()!)).toBe('ABC98J');
	});

	it('asks for each symbol out of the whole alphabet', () => {
		const asked: number[] = [];
		joinCode((n) => (asked.push(n), 0));
		expect(asked).toEqual(Array(6).fill(RECEIPT_ALPHABET.length));
	});

	it('never contains symbols that look alike', () => {
		for (let start = 0; start < RECEIPT_ALPHABET.length; start++) {
			let i = start;
			expect(joinCode((n) => i++ % n)).not.toMatch(/[O0I1l]/);
		}
	});

	it('forgives case, spaces and hyphens, and refuses what cannot be a code', () => {
		expect(normaliseJoinCode(' abc-987 ')).toBe('ABC987');
		expect(normaliseJoinCode('ABC98')).toBeNull();
		expect(normaliseJoinCode('ABC9870')).toBeNull();
		expect(normaliseJoinCode('ABCO87')).toBeNull();
	});
});
