import { describe, expect, it } from 'vitest';
import { horizonTrend } from '../statistics/trend';
import { trendWord } from './trend-word';

const word = (means: (number | null)[]) => trendWord(means, horizonTrend(means).direction);

describe('trendWord', () => {
	it('does not call 4,0 → 4,5 → 3,9 level: it rises and falls', () => {
		// The figures: slope (3,9 − 4,0) / 2 = −0,05, which the slope alone calls "gleich".
		expect(horizonTrend([4.0, 4.5, 3.9]).direction).toBe('gleich');
		expect(word([4.0, 4.5, 3.9])).toBe('schwankend');
		expect(word([4.5, 3.9, 4.6])).toBe('schwankend');
	});

	it('keeps the slope’s word where the figures agree with it', () => {
		expect(word([3.0, 3.5, 4.1])).toBe('steigend');
		expect(word([4.2, 3.6, 3.1])).toBe('fallend');
		expect(word([4.0, 4.1, 4.0])).toBe('gleich');
		expect(word([4.0, null, 4.1])).toBe('gleich');
		// A small wobble (0,1 up, 0,2 down) is within the threshold of 0,2 per step.
		expect(word([4.0, 4.1, 3.9])).toBe('gleich');
		expect(word([4.0, null, null])).toBeNull();
	});
});
