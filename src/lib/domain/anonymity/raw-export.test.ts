import { describe, expect, it } from 'vitest';
import type { StudyResults } from '../results/study-results';
import { rawExportAllowed } from './raw-export';

const results = (participants: number | null, groups: { n: number | null; suppressed: boolean }[]): StudyResults => ({
	study: 's',
	round: 1,
	minGroupSize: 5,
	quantileType: 7,
	groups: groups.map((g, i) => ({ key: `g${i}`, label: `G${i}`, ...g })),
	participants,
	items: [],
	gaps: [],
	trends: [],
	disagreement: [],
	concordance: []
});

describe('raw answers may leave', () => {
	it('only when every group that answered is visible with n ≥ k', () => {
		expect(rawExportAllowed(results(12, [{ n: 5, suppressed: false }, { n: 7, suppressed: false }]))).toBe(true);
		// A group nobody answered for does not block.
		expect(rawExportAllowed(results(12, [{ n: 12, suppressed: false }, { n: 0, suppressed: false }]))).toBe(true);
		expect(rawExportAllowed(results(12, [{ n: 8, suppressed: false }, { n: null, suppressed: true }]))).toBe(false);
		expect(rawExportAllowed(results(12, [{ n: 8, suppressed: false }, { n: 4, suppressed: false }]))).toBe(false);
	});

	it('not when the round as a whole is hidden or below k', () => {
		expect(rawExportAllowed(results(null, [{ n: 5, suppressed: false }]))).toBe(false);
		expect(rawExportAllowed(results(4, [{ n: 0, suppressed: false }]))).toBe(false);
	});
});
