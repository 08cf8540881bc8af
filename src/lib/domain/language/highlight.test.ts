import { describe, expect, it } from 'vitest';
import type { Finding } from './findings';
import { highlightSegments } from './highlight';

const finding = (type: Finding['type'], start: number, end: number): Finding => ({ type, start, end, message: '' });

describe('highlightSegments', () => {
	it('cuts overlapping findings into flat stretches that cover the whole text', () => {
		// "Der Plan wird beschlossen." – a long sentence 0–26 with a passive 9–25 inside
		const findings = [finding('long-sentence', 0, 26), finding('passive', 9, 25)];
		const segments = highlightSegments(30, findings);
		expect(segments.map((s) => [s.start, s.end, s.covering])).toEqual([
			[0, 9, [0]],
			[9, 25, [0, 1]],
			[25, 26, [0]],
			[26, 30, []]
		]);
		expect(segments[1].types).toEqual(['long-sentence', 'passive']);
		expect(segments[0].starting).toEqual([0]);
		expect(segments[1].ending).toEqual([1]);
		expect(segments[2].ending).toEqual([0]);
	});

	it('gives one plain stretch without findings', () => {
		expect(highlightSegments(5, [])).toEqual([{ start: 0, end: 5, covering: [], types: [], starting: [], ending: [] }]);
	});
});
