/**
 * Colours of the results charts, with the text colour on each fill chosen by computed contrast
 * (WCAG 2.x relative luminance): a figure drawn on a heatmap cell must reach 4.5 : 1.
 */

/** WCAG's minimum contrast for normal-size text (success criterion 1.4.3, level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

const DARK_INK = '#000000';
const LIGHT_INK = '#ffffff';

function channel(hex: string, index: number): number {
	return Number.parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16);
}

/** Linear mix of two #rrggbb colours, t in [0, 1]. */
export function mix(from: string, to: string, t: number): string {
	const clamped = Math.min(1, Math.max(0, t));
	return `#${[0, 1, 2]
		.map((i) =>
			Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * clamped)
				.toString(16)
				.padStart(2, '0')
		)
		.join('')}`;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
	const [r, g, b] = [0, 1, 2].map((i) => {
		const c = channel(hex, i) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever contrasts more with the background (never below 4.58 : 1). */
export function textOn(background: string): string {
	return contrastRatio(background, DARK_INK) >= contrastRatio(background, LIGHT_INK) ? DARK_INK : LIGHT_INK;
}

/** Sequential scale for ratings 1–5: light wash to the brand colour. */
export function ratingColour(value: number): string {
	return mix('#eef6f4', '#0b5c55', (value - 1) / 4);
}

export interface CellColours {
	fill: string;
	/** The text colour for a figure on `fill`. */
	ink: string;
	contrast: number;
}

/** Fill of a heatmap cell for a mean rating and the figure's colour on it. */
export function heatCellColours(mean: number): CellColours {
	const fill = ratingColour(mean);
	const ink = textOn(fill);
	return { fill, ink, contrast: contrastRatio(fill, ink) };
}
