import { describe, expect, it } from 'vitest';
import { estimatedMinutes } from './duration';

describe('estimatedMinutes', () => {
	it('follows the number of questions instead of a fixed "10 Minuten"', () => {
		// 40 competences × 4 ratings = 160 ratings × 6 s = 16 min, plus one open question → 17.
		expect(estimatedMinutes(160, 1)).toBe(17);
		// 10 competences × 2 ratings × 6 s = 2 min; no open question.
		expect(estimatedMinutes(20, 0)).toBe(2);
		// 45 ratings: 4.5 min, rounded up to 5.
		expect(estimatedMinutes(45, 0)).toBe(5);
		expect(estimatedMinutes(1, 0)).toBe(2);
	});
});
