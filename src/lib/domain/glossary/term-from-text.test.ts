import { describe, expect, it } from 'vitest';
import { termFromText } from './term-from-text';

describe('the term a Werkstatt item names', () => {
	it('takes the term out of a question about it', () => {
		expect(termFromText('Was ist eine Konzeptvergabe?', 120)).toBe('Konzeptvergabe');
		expect(termFromText('Was bedeutet eigentlich  Erbbaurecht?', 120)).toBe('Erbbaurecht');
		expect(termFromText('Verfügungsfonds?', 120)).toBe('Verfügungsfonds');
		expect(termFromText('Integriertes Stadtentwicklungskonzept', 120)).toBe('Integriertes Stadtentwicklungskonzept');
	});

	it('leaves the term empty for a sentence or a term longer than allowed', () => {
		expect(termFromText('Zwischennutzung braucht eine feste Ansprechperson.', 120)).toBe('');
		expect(termFromText('Was ist mit dem Geld für den Markt passiert?', 120)).toBe('');
		expect(termFromText('Konzeptvergabe', 5)).toBe('');
	});
});
