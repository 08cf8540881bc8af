/** Small helpers shared by the SVG charts (server-rendered, no chart library). */

/** Shortens a label for a chart; the full text is always in the table beside it. */
export function clip(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A number rounded for SVG coordinates (short markup, stable snapshots). */
export function px(value: number): number {
	return Math.round(value * 10) / 10;
}

export { mix, ratingColour, textOn } from '$lib/domain/results/chart-colours';

export { placeLabels, scaleBounds, type Box } from '$lib/domain/results/chart-layout';
