import { describe, expect, it } from 'vitest';
import { placeLabels, zoomedRanges } from './chart-layout';

describe('chart layout', () => {
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

	it('says when the matrix shows only part of the scale, and which part', () => {
		expect(zoomedRanges([{ x: 2.4, y: 3.6 }, { x: 3.2, y: 4.1 }])).toEqual({ x: [2, 3.5], y: [2.5, 4.5] });
		expect(zoomedRanges([{ x: 1.1, y: 1.2 }, { x: 4.9, y: 4.8 }])).toBeNull();
	});
});
