import { describe, expect, it } from 'vitest';
import { bandOf, computeScores } from './scores';

describe('computeScores', () => {
	it('follows the published formulas (worked example, arithmetic by hand)', () => {
		// 2 sentences, 20 words, 36 syllables, 5 words > 6 letters, 4 words ≥ 3 syllables, 10 with one.
		// ASL = 20 / 2 = 10; ASW = 36 / 20 = 1.8; MS = 100·4/20 = 20; IW = 100·5/20 = 25; ES = 100·10/20 = 50
		const scores = computeScores({ sentences: 2, words: 20, syllables: 36, longWords: 5, polysyllables: 4, monosyllables: 10 });
		// Amstad: 180 − 10 − 58.5·1.8 = 180 − 10 − 105.3 = 64.7
		expect(scores.fleschAmstad).toBe(64.7);
		// WSTF1: 0.1935·20 + 0.1672·10 + 0.1297·25 − 0.0327·50 − 0.875 = 3.87 + 1.672 + 3.2425 − 1.635 − 0.875 = 6.2745
		expect(scores.wstf1).toBe(6.3);
		// WSTF2: 0.2007·20 + 0.1682·10 + 0.1373·25 − 2.779 = 4.014 + 1.682 + 3.4325 − 2.779 = 6.3495
		expect(scores.wstf2).toBe(6.3);
		// WSTF3: 0.2963·20 + 0.1905·10 − 1.1144 = 5.926 + 1.905 − 1.1144 = 6.7166
		expect(scores.wstf3).toBe(6.7);
		// WSTF4: 0.2744·20 + 0.2656·10 − 1.693 = 5.488 + 2.656 − 1.693 = 6.451
		expect(scores.wstf4).toBe(6.5);
		// LIX: 10 + 25 = 35
		expect(scores.lix).toBe(35);
		// gSmog: √(4·30/2) − 2 = √60 − 2 = 7.746 − 2 = 5.746
		expect(scores.gsmog).toBe(5.7);
	});

	it('gives no scores for a text without words', () => {
		expect(computeScores({ sentences: 0, words: 0, syllables: 0, longWords: 0, polysyllables: 0, monosyllables: 0 }).fleschAmstad).toBeNull();
	});
});

describe('bandOf', () => {
	it('names Amstad’s bands in plain German', () => {
		expect(bandOf('fleschAmstad', 95)?.label).toBe('sehr leicht verständlich');
		expect(bandOf('fleschAmstad', 64.7)?.label).toBe('für die meisten verständlich');
		expect(bandOf('fleschAmstad', 40)?.label).toBe('schwer verständlich');
		expect(bandOf('fleschAmstad', 12)?.label).toBe('sehr schwer verständlich');
	});

	it('reads school years and LIX the other way round: higher is harder', () => {
		expect(bandOf('wstf1', 4.2)?.level).toBe(1);
		expect(bandOf('wstf1', 14.8)?.level).toBe(7);
		expect(bandOf('lix', 20)?.label).toBe('sehr leicht verständlich');
		expect(bandOf('lix', 62)?.label).toBe('sehr schwer verständlich');
	});

	it('has no band without a value', () => {
		expect(bandOf('lix', null)).toBeNull();
	});
});
