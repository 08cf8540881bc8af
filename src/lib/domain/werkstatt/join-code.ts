import { RECEIPT_ALPHABET } from '../study/receipt';

/**
 * The code participants type on their phones to join a Werkstatt (also in the projector's QR code):
 * six symbols from the receipt alphabet — upper case, no O/0, no I/l/1 — so it can be read off a
 * wall across the room. 31⁶ ≈ 887 million codes; the server retries on the rare clash.
 */
export const JOIN_CODE_LENGTH = 6;

/** A join code from `pick(n)`, a uniform random integer in [0, n) (crypto.randomInt on the server). */
export function joinCode(pick: (n: number) => number): string {
	return Array.from({ length: JOIN_CODE_LENGTH }, () => RECEIPT_ALPHABET[pick(RECEIPT_ALPHABET.length)]).join('');
}

/** What a person typed, as a code: case and spaces or hyphens forgiven; null when it cannot be one. */
export function normaliseJoinCode(typed: string): string | null {
	const code = typed.replace(/[\s-]+/g, '').toUpperCase();
	if (code.length !== JOIN_CODE_LENGTH) return null;
	return [...code].every((symbol) => RECEIPT_ALPHABET.includes(symbol)) ? code : null;
}
