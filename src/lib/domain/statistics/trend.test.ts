import { describe, expect, it } from 'vitest';
import { DEFAULT_TREND_THRESHOLD, horizonTrend } from './trend';

describe('horizonTrend', () => {
	it('labels a rising, falling and flat series', () => {
		// (0, 3), (1, 3.5), (2, 4): slope 0.5 per step
		expect(horizonTrend([3, 3.5, 4])).toEqual({ slope: 0.5, direction: 'steigend' });
		expect(horizonTrend([4, 3.5, 3])).toEqual({ slope: -0.5, direction: 'fallend' });
		expect(horizonTrend([3, 3.1, 3.2]).direction).toBe('gleich');
	});

	it('fits a least-squares line, not the end points', () => {
		// x̄ = 1, ȳ = 3.5; Σ(x − x̄)(y − ȳ) = (−1)(−0.5) + 0 + (1)(0) = 0.5; Σ(x − x̄)² = 2 → 0.25
		const trend = horizonTrend([3, 4, 3.5]);
		expect(trend.slope).toBeCloseTo(0.25, 14);
		expect(trend.direction).toBe('steigend');
	});

	it('keeps the position of a horizon without ratings', () => {
		// (0, 3) and (2, 4): slope 0.5, not 1
		expect(horizonTrend([3, null, 4]).slope).toBeCloseTo(0.5, 14);
	});

	it('calls a slope exactly at the threshold flat, despite floating-point noise', () => {
		expect(DEFAULT_TREND_THRESHOLD).toBe(0.2);
		// (1.2, 1.4, 1.6) gives 0.20000000000000007 in binary arithmetic
		const trend = horizonTrend([1.2, 1.4, 1.6]);
		expect(trend.slope).toBeCloseTo(0.2, 14);
		expect(trend.direction).toBe('gleich');
		expect(horizonTrend([1.6, 1.4, 1.2]).direction).toBe('gleich');
		expect(horizonTrend([1.2, 1.41, 1.6]).direction).toBe('gleich');
		expect(horizonTrend([1.2, 1.45, 1.7]).direction).toBe('steigend');
	});

	it('accepts another threshold', () => {
		expect(horizonTrend([3, 3.1, 3.2], 0.05).direction).toBe('steigend');
		expect(horizonTrend([3, 3.5, 4], 1).direction).toBe('gleich');
		expect(() => horizonTrend([3, 4], -0.1)).toThrow(RangeError);
	});

	it('needs two known means', () => {
		expect(horizonTrend([null, 3.5, null])).toEqual({ slope: null, direction: null });
		expect(horizonTrend([])).toEqual({ slope: null, direction: null });
	});
});
