/**
 * Number formatting, free of SvelteKit so exports, mails and pages can all use it: German by
 * default (3,9 and 1.000), English as en-GB. Missing figures show as an en dash.
 */
export type NumberLocale = 'de' | 'en';

const tags: Record<NumberLocale, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: NumberLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.NumberFormat(tags[locale], options);
		cache.set(key, format);
	}
	return format;
}

export const MISSING = '–';

/** A figure with a fixed number of decimals: 3,9 */
export function formatDecimal(locale: NumberLocale, value: number | null | undefined, digits = 1): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
	return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A p-value: three decimals, and "< 0,001" below that, so a tiny p never reads as 0. */
export function formatPValue(locale: NumberLocale, value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
	return value < 0.001 ? `< ${formatDecimal(locale, 0.001, 3)}` : formatDecimal(locale, value, 3);
}

/** A count: 1.000 */
export function formatCount(locale: NumberLocale, value: number | null | undefined): string {
	if (value === null || value === undefined) return MISSING;
	return formatter(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A share 0–1 as a percentage: 72 % */
export function formatShare(locale: NumberLocale, share: number | null | undefined, digits = 0): string {
	if (share === null || share === undefined || !Number.isFinite(share)) return MISSING;
	return formatter(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A change with its sign: +0,4 / −0,4 / 0,0 */
export function formatChange(locale: NumberLocale, value: number | null | undefined, digits = 1): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
	const text = formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
	return text.replace('-', '−');
}

/**
 * A figure for a file that German Excel reads as a number: decimal comma, no thousands separator,
 * at most `digits` decimals (trailing zeros dropped); empty when missing.
 */
export function spreadsheetNumber(value: number | null | undefined, digits = 3): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '';
	return formatter('de', { maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** kostenfrei, or 45,00 € */
export function price(locale: NumberLocale, cents: number): string {
	if (cents === 0) return locale === 'de' ? 'kostenfrei' : 'free of charge';
	return new Intl.NumberFormat(tags[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
