/**
 * Numbers typed into a form the German way ("0,5", "1.250,50", "45 €") or the English way
 * ("0.5"): the number, or null when the text is no number. A comma is the decimal separator; dots
 * before a comma (or in groups of three without one) separate thousands.
 */
export function parseTypedNumber(text: string): number | null {
	let value = text.replace(/[\s\u00a0€]/g, '');
	if (value === '') return null;
	if (value.includes(',')) value = value.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, '');
	if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

/** Euros typed into a form ("45,50") as whole cents (4550), or null when the text is no amount. */
export function parseEuroCents(text: string): number | null {
	const euros = parseTypedNumber(text);
	if (euros === null) return null;
	const cents = Math.round(euros * 100);
	return Math.abs(euros * 100 - cents) < 1e-6 ? cents : null;
}
