import { page } from '$app/state';
import { formatChange, formatCount, formatDecimal, formatPValue, formatShare, type NumberLocale } from '$lib/format/numbers';

/** The number formats of the current request's language (German: 3,9 · 1.000 · 72 %). */
const locale = (): NumberLocale => (page.data.locale === 'en' ? 'en' : 'de');

export const decimal = (value: number | null | undefined, digits = 1) => formatDecimal(locale(), value, digits);
export const count = (value: number | null | undefined) => formatCount(locale(), value);
export const share = (value: number | null | undefined, digits = 0) => formatShare(locale(), value, digits);
export const change = (value: number | null | undefined, digits = 1) => formatChange(locale(), value, digits);
export const pValue = (value: number | null | undefined) => formatPValue(locale(), value);
