/** At most this many words make a text look like a term ("Verfügungsfonds", "Sanierungsgebiet?") rather than a sentence. */
const TERM_WORDS = 3;

/**
 * The term a short text asks about or names, for a glossary entry started from it:
 * "Was ist eine Konzeptvergabe?" → "Konzeptvergabe", "Verfügungsfonds?" → "Verfügungsfonds", a
 * sentence → "" (the organiser names the term).
 */
export function termFromText(text: string, maxLength: number): string {
	const bare = text.replace(/\s+/g, ' ').trim().replace(/[?!.:;]+$/, '').trim();
	const asked = /^(?:was|wer)\s+(?:ist|sind|bedeutet|bedeuten|heißt|meint)\s+(?:eigentlich\s+)?(?:(?:ein|eine|einen|der|die|das|den)\s+)?(.+)$/i.exec(bare);
	const term = asked ? asked[1] : bare;
	return term.split(' ').length <= TERM_WORDS && term.length <= maxLength ? term : '';
}
