import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
	it('computes once per key and forgets the oldest key beyond the limit', () => {
		const memo = boundedMemo<number>(2);
		let computed = 0;
		const value = (key: string) => memo(key, () => ++computed);
		expect([value('a'), value('a'), value('b'), value('a')]).toEqual([1, 1, 2, 1]);
		expect(value('c')).toBe(3); // 'a' goes: it was kept first
		expect(value('b')).toBe(2);
		expect(value('a')).toBe(4);
	});

	it('does not keep a failed computation', async () => {
		const memo = boundedMemo<Promise<string>>(4);
		await expect(memo('x', () => Promise.reject(new Error('Datenbank weg')))).rejects.toThrow('Datenbank weg');
		await Promise.resolve();
		await expect(memo('x', () => Promise.resolve('da'))).resolves.toBe('da');
	});
});
