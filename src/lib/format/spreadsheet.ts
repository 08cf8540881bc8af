/*
 * Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a
 * formula. Every file Stadtwissen writes for spreadsheets (results, raw answers, frameworks) passes
 * its texts through protectFromFormula, so a text someone typed cannot become a formula in someone
 * else's Excel: such texts get a leading apostrophe. A text that already starts with apostrophes
 * followed by one of those characters gets one more, so that unprotectFormula (reading removes
 * exactly one) gives back the original text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PROTECTED_FORMULA_START = /^'+[=+\-@\t\r]/;

/** The text as a spreadsheet shows it as text, never running it: "=SUMME(A1)" → "'=SUMME(A1)". */
export function protectFromFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The original text of a cell written by protectFromFormula. */
export function unprotectFormula(text: string): string {
	return PROTECTED_FORMULA_START.test(text) ? text.slice(1) : text;
}
