import { contrastRatio, MIN_TEXT_CONTRAST, mix } from '../results/chart-colours';

/*
 * The organisation's accent colour is used for buttons (white text on it) and for links and
 * headings (it as text on white or on the light grey wash). WCAG 2.x asks for 4.5:1 for normal
 * text, so the colour must reach that against white and against the wash.
 */

export const MIN_CONTRAST = MIN_TEXT_CONTRAST;
/** The light background of the header and footer (`--wash` in app.css). */
export const WASH = '#f3f6f5';

const HEX = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** '#0B5C55', '0b5c55' or '#0b5' → '#0b5c55'; null for anything else. */
export function normaliseHex(input: string): string | null {
	const match = HEX.exec(input.trim());
	if (!match) return null;
	const digits = match[1].toLowerCase();
	return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

// The WCAG 2.x formulas are the results charts' (one implementation for the whole app).
export { contrastRatio };

/** The colour mixed towards black by `amount` (0 = unchanged, 1 = black). */
export function darken(hex: string, amount: number): string {
	return mix(hex, '#000000', amount);
}

/** The weaker of the two contrasts that matter: against white and against the wash. */
export function accentContrast(hex: string): number {
	return Math.min(contrastRatio(hex, '#ffffff'), contrastRatio(hex, WASH));
}

/** The lightest darkening of the colour that is readable (same hue, so it still looks like the organisation's). */
export function readableVariant(hex: string): string {
	for (let step = 0; step <= 100; step += 1) {
		const candidate = darken(hex, step / 100);
		if (accentContrast(candidate) >= MIN_CONTRAST) return candidate;
	}
	return '#000000';
}

export type AccentCheck =
	| { ok: true; colour: string; ratio: number; hover: string }
	| { ok: false; reason: 'format'; message: string }
	| { ok: false; reason: 'contrast'; ratio: number; suggestion: string; message: string };

const ratioText = (ratio: number) => `${(Math.floor(ratio * 10) / 10).toFixed(1).replace('.', ',')}:1`;

/**
 * Checks an accent colour typed by an organiser. A readable colour comes back normalised, with
 * the darker shade for hovering; an unreadable one is refused with the contrast it reached and a
 * darker shade of the same colour that would be readable.
 */
export function checkAccent(input: string): AccentCheck {
	const colour = normaliseHex(input);
	if (!colour) return { ok: false, reason: 'format', message: 'Bitte geben Sie die Farbe als Hex-Wert ein, z. B. #0b5c55.' };
	const ratio = accentContrast(colour);
	if (ratio < MIN_CONTRAST) {
		const suggestion = readableVariant(colour);
		return {
			ok: false,
			reason: 'contrast',
			ratio,
			suggestion,
			message: `Diese Farbe ist zu hell: Weiße Schrift auf ihr und sie als Schrift auf hellem Grund erreichen nur ${ratioText(ratio)}, nötig sind mindestens 4,5:1 (WCAG). Ein dunklerer Ton derselben Farbe wäre lesbar, z. B. ${suggestion}.`
		};
	}
	return { ok: true, colour, ratio, hover: darken(colour, 0.3) };
}
