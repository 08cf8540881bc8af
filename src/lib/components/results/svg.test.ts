import { describe, expect, it } from 'vitest';
import { clip, mix, ratingColour, scaleBounds, textOn } from './svg';

describe('chart helpers', () => {
	it('keeps chart text readable: contrast, scales and labels', () => {
		expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
		for (let v = 1; v <= 5; v += 0.25) expect(['#000000', '#ffffff']).toContain(textOn(ratingColour(v)));
		expect(textOn('#0b5c55')).toBe('#ffffff');
		expect(textOn('#eef6f4')).toBe('#000000');
		expect(scaleBounds([], 3)).toEqual([1, 5]);
		expect(scaleBounds([2.4, 3.2], 3)).toEqual([2, 3.5]);
		const [low, high] = scaleBounds([4.9], 3);
		expect(low).toBeLessThanOrEqual(3);
		expect(high).toBe(5);
		expect(clip('Zwischennutzungen ermöglichen', 10)).toBe('Zwischenn…');
	});
});
