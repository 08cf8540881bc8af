import { describe, expect, it } from 'vitest';
import { checkText } from './check';

describe('checkText', () => {
	it('counts and scores a short text (counts and arithmetic by hand)', () => {
		// Wir(1) la·den(2) Sie(1) ein(1). Kom·men(2) Sie(1) zum(1) Tref·fen(2) im(1) Mu·se·um(3).
		// 2 sentences, 10 words, 15 syllables; > 6 letters: Treffen → 1; ≥ 3 syllables: Museum → 1; one syllable: 6
		const check = checkText('Wir laden Sie ein. Kommen Sie zum Treffen im Museum.');
		expect(check.counts).toEqual({ sentences: 2, words: 10, syllables: 15, longWords: 1, polysyllables: 1, monosyllables: 6 });
		// Amstad: 180 − 10/2 − 58.5 × 15/10 = 180 − 5 − 87.75 = 87.25
		expect(check.scores.fleschAmstad).toBe(87.3);
		expect(check.bands.fleschAmstad?.label).toBe('leicht verständlich');
		// LIX: 5 + 100 × 1/10 = 15
		expect(check.scores.lix).toBe(15);
		// gSmog: √(1 × 30 / 2) − 2 = √15 − 2 = 3.873 − 2 = 1.873
		expect(check.scores.gsmog).toBe(1.9);
		// WSTF1 with MS = 10, SL = 5, IW = 10, ES = 60: 1.935 + 0.836 + 1.297 − 1.962 − 0.875 = 1.231
		expect(check.scores.wstf1).toBe(1.2);
		expect(check.findings).toEqual([]);
		expect(check.summary).toEqual([]);
	});

	it('gives a worse score and findings for the same invitation in administrative German', () => {
		const plain = checkText('Wir laden Sie ein. Kommen Sie zum Treffen im Museum.');
		const official = checkText(
			'Im Rahmen der Umsetzung des ISEK wird hinsichtlich der Durchführung der Bürgerbeteiligung zu einer Informationsveranstaltung eingeladen, in welcher die Planungen seitens der Verwaltung zur Kenntnis gebracht werden.'
		);
		expect(official.scores.fleschAmstad!).toBeLessThan(plain.scores.fleschAmstad! - 40);
		expect(new Set(official.findings.map((f) => f.type))).toEqual(new Set(['long-sentence', 'nominal-style', 'passive', 'abbreviation', 'jargon']));
		const impacts = official.summary.map((item) => item.impact);
		expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
		expect(official.summary).toHaveLength(5);
	});

	it('orders findings by position and only applies Leichte Sprache on request', () => {
		const text = 'Kommen Sie nicht zu spät. Das wird bald entschieden.';
		expect(checkText(text).findings.map((f) => f.type)).toEqual(['passive']);
		const check = checkText(text, { rules: ['leichte-sprache'] });
		expect(check.findings.map((f) => f.type)).toEqual(['leichte-sprache', 'passive']);
		expect(check.summary.map((s) => s.type)).toEqual(['passive', 'leichte-sprache']);
	});

	it('reports a glossary abbreviation as jargon with its explanation, not as an unexplained abbreviation', () => {
		const check = checkText('Das ISEK gilt.', { glossary: [{ term: 'ISEK', forms: [], plain: 'Plan für die Entwicklung der ganzen Stadt' }] });
		expect(check.findings).toEqual([expect.objectContaining({ type: 'jargon', start: 4, end: 8, suggestion: 'Einfacher: Plan für die Entwicklung der ganzen Stadt' })]);
	});

	it('can leave out the built-in word list', () => {
		expect(checkText('Wir fragen hinsichtlich der Kosten.', { builtInJargon: false }).findings).toEqual([]);
	});

	it('returns empty counts and no scores for an empty text', () => {
		const check = checkText('');
		expect(check.counts.words).toBe(0);
		expect(check.scores.fleschAmstad).toBeNull();
		expect(check.bands.lix).toBeNull();
	});
});
