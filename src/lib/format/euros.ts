import type { NumberLocale } from './numbers';

/** A budget figure in euros, also when it is nothing: 1.250,00 € / 0,00 € */
export function euros(locale: NumberLocale, cents: number): string {
	return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Cents as a German amount for a form field: 4550 → "45,50", 4500 → "45". */
export function euroInput(locale: NumberLocale, cents: number): string {
	return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}
