/** Layout of the results charts shared by the web's SVG charts and the PDF report: axis bounds and point labels. */

/** Nice bounds around values on the 1–5 scale, in steps of 0.5, always including `include`. */
export function scaleBounds(values: number[], include: number, padding = 0.2): [number, number] {
	if (!values.length) return [1, 5];
	const low = Math.max(1, Math.floor((Math.min(...values, include) - padding) * 2) / 2);
	const high = Math.min(5, Math.ceil((Math.max(...values, include) + padding) * 2) / 2);
	return high - low < 1 ? [Math.max(1, low - 0.5), Math.min(5, high + 0.5)] : [low, high];
}

/** The matrix's axis ranges when they show less than the whole scale 1–5 (to be said in words), else null. */
export function zoomedRanges(points: readonly { x: number; y: number }[]): { x: [number, number]; y: [number, number] } | null {
	const x = scaleBounds(points.map((p) => p.x), 3);
	const y = scaleBounds(points.map((p) => p.y), 3);
	return x[0] > 1 || x[1] < 5 || y[0] > 1 || y[1] < 5 ? { x, y } : null;
}

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Greedy label placement: each code goes to the first spot around its point (close ones first,
 * then further out with a leader line) that overlaps no label placed so far, no other point and
 * stays inside the plot; if none is free, the least crowded spot.
 */
export function placeLabels(points: { cx: number; cy: number; text: string }[], bounds: Box, charWidth = 6.8, height = 12) {
	const placed: Box[] = [];
	const dots: Box[] = points.map((p) => ({ x: p.cx - 4.5, y: p.cy - 4.5, w: 9, h: 9 }));
	const order = points.map((p, i) => ({ p, i })).sort((a, b) => a.p.cy - b.p.cy || a.p.cx - b.p.cx);
	const result: { x: number; y: number; anchor: 'start' | 'end' | 'middle'; leader: boolean }[] = new Array(points.length);
	const directions = [
		[1, -0.4],
		[-1, -0.4],
		[1, 0.9],
		[-1, 0.9],
		[0, -1],
		[0, 1.6],
		[0.8, -1],
		[-0.8, -1],
		[0.8, 1.5],
		[-0.8, 1.5]
	];
	for (const { p, i } of order) {
		const w = p.text.length * charWidth;
		const spots = [7, 17, 28].flatMap((radius) =>
			directions.map(([dx, dy]) => ({
				x: p.cx + dx * radius,
				y: p.cy + dy * radius + 4,
				anchor: (dx > 0.2 ? 'start' : dx < -0.2 ? 'end' : 'middle') as 'start' | 'end' | 'middle',
				leader: radius > 7
			}))
		);
		const boxOf = (s: (typeof spots)[number]): Box => ({ x: s.anchor === 'start' ? s.x : s.anchor === 'end' ? s.x - w : s.x - w / 2, y: s.y - height + 2, w, h: height });
		const inside = (b: Box) => b.x >= bounds.x && b.x + b.w <= bounds.x + bounds.w && b.y >= bounds.y && b.y + b.h <= bounds.y + bounds.h;
		const crowding = (b: Box) => placed.filter((o) => overlaps(o, b)).length * 2 + dots.filter((d, j) => j !== i && overlaps(d, b)).length + (inside(b) ? 0 : 10);
		let best = spots[0];
		let bestScore = Infinity;
		for (const spot of spots) {
			const score = crowding(boxOf(spot)) + (spot.leader ? 0.5 : 0);
			if (score < bestScore) {
				best = spot;
				bestScore = score;
			}
			if (score === 0) break;
		}
		placed.push(boxOf(best));
		result[i] = best;
	}
	return result;
}
