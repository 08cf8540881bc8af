import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('group commit', () => {
	it('writes a lone caller at once and gathers those arriving meanwhile into the next batch', async () => {
		const batches: number[][] = [];
		const write = groupCommit(async (items: number[]) => {
			batches.push(items);
			await tick();
			return items.map((item) => item * 10);
		});
		const first = write(1);
		const later = [write(2), write(3), write(4)];
		expect(await first).toBe(10);
		expect(await Promise.all(later)).toEqual([20, 30, 40]);
		expect(batches).toEqual([[1], [2, 3, 4]]);
		expect(await write(5)).toBe(50);
		expect(batches.at(-1)).toEqual([5]);
	});

	it('rejects every caller of a failed batch and goes on with the next', async () => {
		const write = groupCommit(async (items: string[]) => {
			await tick();
			if (items.includes('bad')) throw new Error('Verbindung verloren');
			return items;
		});
		const first = write('ok');
		const failing = [write('bad'), write('innocent')];
		expect(await first).toBe('ok');
		for (const outcome of await Promise.allSettled(failing)) expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'Verbindung verloren' } });
		expect(await write('after')).toBe('after');
	});
});
