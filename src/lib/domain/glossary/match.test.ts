import { describe, expect, it } from 'vitest';
import { compileMatcher, findTerms, searchMatches } from './match';

const entries = [
	{ id: 'bp', term: 'Bebauungsplan', synonyms: ['B-Plan'], forms: ['Bebauungspläne', 'Bebauungsplänen', 'Bebauungsplans'] },
	{ id: 'isek', term: 'ISEK', synonyms: ['Integriertes Stadtentwicklungskonzept'], forms: ['ISEKs'] },
	{ id: 'sek', term: 'Stadtentwicklungskonzept', synonyms: [], forms: [] },
	{ id: 'sm', term: 'Stadtmacher*innen', synonyms: ['Stadtmacherinnen und Stadtmacher'], forms: [] },
	{ id: 'zn', term: 'Zwischennutzung', synonyms: [], forms: ['Zwischennutzungen'] }
];
const matcher = compileMatcher(entries);
const found = (text: string) => findTerms(text, matcher).map((m) => [m.entryId, m.text, text.slice(m.start, m.end)]);

describe('findTerms', () => {
	it('finds every inflected form as a whole word and gives its offsets in the text', () => {
		const text = 'Die Bebauungspläne der Stadt und des Bebauungsplans liegen aus.';
		expect(findTerms(text, matcher)).toEqual([
			{ entryId: 'bp', term: 'Bebauungsplan', start: 4, end: 18, text: 'Bebauungspläne' },
			{ entryId: 'bp', term: 'Bebauungsplan', start: 37, end: 51, text: 'Bebauungsplans' }
		]);
	});

	it('finds forms nobody listed through the word stem, and ignores case for ordinary words', () => {
		expect(found('In BEBAUUNGSPLÄNEN steht das.')).toEqual([['bp', 'BEBAUUNGSPLÄNEN', 'BEBAUUNGSPLÄNEN']]);
		expect(found('Über zwischennutzungen reden wir.')).toEqual([['zn', 'zwischennutzungen', 'zwischennutzungen']]);
	});

	it('does not find a term inside a longer word', () => {
		expect(found('Die Bebauungsplanung beginnt; Zwischennutzungsideen sammeln wir.')).toEqual([]);
	});

	it('prefers the longest term starting at a word', () => {
		expect(found('Das Integrierte Stadtentwicklungskonzept und ein Stadtentwicklungskonzept.')).toEqual([
			['isek', 'Integrierte Stadtentwicklungskonzept', 'Integrierte Stadtentwicklungskonzept'],
			['sek', 'Stadtentwicklungskonzept', 'Stadtentwicklungskonzept']
		]);
	});

	it('matches abbreviations in capitals only, and gender forms as one word', () => {
		expect(found('Das ISEK, des ISEKs, aber nicht isek.')).toEqual([
			['isek', 'ISEK', 'ISEK'],
			['isek', 'ISEKs', 'ISEKs']
		]);
		expect(found('Mit den Stadtmacher*innen aus dem Quartier.')).toEqual([['sm', 'Stadtmacher*innen', 'Stadtmacher*innen']]);
	});

	it('counts offsets in UTF-16 code units', () => {
		const text = '😀 Zwischennutzung';
		expect(findTerms(text, matcher)[0]).toMatchObject({ start: 3, end: 18 });
	});

	it('finds nothing with an empty glossary', () => {
		expect(findTerms('Bebauungsplan', compileMatcher([]))).toEqual([]);
	});
});

describe('searchMatches', () => {
	const bp = { ...entries[0], plain: 'Ein Plan der Gemeinde, der festlegt, was wo gebaut werden darf.' };

	it('finds an entry by an inflected form nobody listed', () => {
		expect(searchMatches('Bebauungsplänen', { ...bp, forms: [] })).toBe(true);
	});

	it('finds an entry by the beginning of its term or a word of its explanation', () => {
		expect(searchMatches('bebau', bp)).toBe(true);
		expect(searchMatches('Gemeinde', bp)).toBe(true);
	});

	it('does not find an entry for an unrelated word', () => {
		expect(searchMatches('Erbbaurecht', bp)).toBe(false);
	});
});
