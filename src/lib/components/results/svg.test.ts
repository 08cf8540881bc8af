import { describe, expect, it } from 'vitest';
import { clip, mix, placeLabels, ratingColour, scaleBounds, textOn } from './svg';

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

	it('places matrix labels so that they do not overlap when there is room', () => {
		const points = [
			{ cx: 100, cy: 100, text: 'A1.1' },
			{ cx: 104, cy: 102, text: 'A1.2' },
			{ cx: 300, cy: 300, text: 'A2.1' }
		];
		const labels = placeLabels(points, { x: 0, y: 0, w: 400, h: 400 });
		const boxes = labels.map((l, i) => {
			const w = points[i].text.length * 6.8;
			const x = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
			return { x, y: l.y - 10, w, h: 12 };
		});
		const overlap = (a: (typeof boxes)[number], b: (typeof boxes)[number]) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
		expect(overlap(boxes[0], boxes[1])).toBe(false);
		expect(labels[2]).toMatchObject({ x: 307, anchor: 'start', leader: false });
	});
});
