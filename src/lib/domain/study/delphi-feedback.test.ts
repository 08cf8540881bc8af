import { describe, expect, it } from 'vitest';
import { farFromMedian } from './delphi-feedback';

const group = (median: number | null) => ({ median, n: 9, histogram: [1, 2, 3, 2, 1] });

describe('farFromMedian', () => {
	it('asks for a reason two or more points from the group median, in either direction', () => {
		expect(farFromMedian(5, group(3))).toBe(true);
		expect(farFromMedian(1, group(3))).toBe(true);
		expect(farFromMedian(1, group(2.5))).toBe(false);
		expect(farFromMedian(4, group(3))).toBe(false);
	});

	it('never asks without visible figures, without a median, or for "kann ich nicht einschätzen"', () => {
		expect(farFromMedian(5, null)).toBe(false);
		expect(farFromMedian(5, group(null))).toBe(false);
		expect(farFromMedian(null, group(1))).toBe(false);
		expect(farFromMedian(undefined, group(1))).toBe(false);
	});
});
