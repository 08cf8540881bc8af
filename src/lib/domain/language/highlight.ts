import type { Finding, FindingType } from './findings';

/** A stretch of the text that is covered by the same findings throughout. */
export interface Segment {
	start: number;
	end: number;
	/** Indices (into the findings) of the findings covering this stretch. */
	covering: number[];
	/** The kinds of finding covering it, each once, in the order of FINDING_TYPES' first appearance. */
	types: FindingType[];
	/** Findings that begin at this segment's start / end at its end (for anchors and references). */
	starting: number[];
	ending: number[];
}

/**
 * Cuts the text at every finding's start and end, so that overlapping findings (a passive inside a
 * long sentence) can be shown as flat, non-nested marks. Pure: a sweep over the sorted offsets.
 */
export function highlightSegments(length: number, findings: readonly Finding[]): Segment[] {
	const cuts = new Set<number>([0, length]);
	for (const f of findings) {
		cuts.add(Math.max(0, Math.min(length, f.start)));
		cuts.add(Math.max(0, Math.min(length, f.end)));
	}
	const points = [...cuts].sort((a, b) => a - b);
	const startsAt = new Map<number, number[]>();
	const endsAt = new Map<number, number[]>();
	findings.forEach((f, i) => {
		if (f.end <= f.start) return;
		(startsAt.get(f.start) ?? startsAt.set(f.start, []).get(f.start)!).push(i);
		(endsAt.get(f.end) ?? endsAt.set(f.end, []).get(f.end)!).push(i);
	});
	const active = new Set<number>();
	const segments: Segment[] = [];
	for (let p = 0; p < points.length - 1; p++) {
		const start = points[p];
		const end = points[p + 1];
		for (const i of endsAt.get(start) ?? []) active.delete(i);
		const starting = startsAt.get(start) ?? [];
		for (const i of starting) active.add(i);
		const covering = [...active].sort((a, b) => a - b);
		const types = [...new Set(covering.map((i) => findings[i].type))];
		segments.push({ start, end, covering, types, starting, ending: (endsAt.get(end) ?? []).filter((i) => active.has(i)) });
	}
	return segments;
}
