/**
 * Confirmation numbers participants copy by hand or read out: no letters and digits that look alike
 * (no O/0, no I/l/1), upper case only, in groups of five joined by hyphens ("K7QXM-…"), which the
 * page keeps on one line. 15 symbols from 31 carry 74 bits.
 */
export const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECEIPT_GROUPS = 3;
export const RECEIPT_GROUP_LENGTH = 5;

/** A receipt code from `pick(n)`, a uniform random integer in [0, n) (crypto.randomInt on the server). */
export function receiptCode(pick: (n: number) => number): string {
	const group = () => Array.from({ length: RECEIPT_GROUP_LENGTH }, () => RECEIPT_ALPHABET[pick(RECEIPT_ALPHABET.length)]).join('');
	return Array.from({ length: RECEIPT_GROUPS }, group).join('-');
}
