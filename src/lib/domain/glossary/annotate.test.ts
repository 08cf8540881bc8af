import { describe, expect, it } from 'vitest';
import { annotatePage } from './annotate';
import { compileMatcher } from './match';

const entries = [
	{ id: 'bp', slug: 'bebauungsplan', term: 'Bebauungsplan', plain: 'Ein Plan, was gebaut werden darf.', synonyms: [], forms: ['Bebauungspläne'] },
	{ id: 'zn', slug: 'zwischennutzung', term: 'Zwischennutzung', plain: 'Eine Nutzung auf Zeit.', synonyms: [], forms: [] }
];
const matcher = compileMatcher(entries);
const lookup = (id: string) => entries.find((entry) => entry.id === id);

describe('annotatePage', () => {
	it('marks the first occurrence of each term on the page and numbers the footnotes in reading order', () => {
		const page = annotatePage(
			[
				['intro', 'Bebauungspläne und Zwischennutzung.'],
				['a', 'Noch ein Bebauungsplan.'],
				['b', 'Nichts.']
			],
			matcher,
			lookup
		);
		expect(page.texts.intro).toEqual([{ text: 'Bebauungspläne', entry: 'bp', n: 1 }, { text: ' und ' }, { text: 'Zwischennutzung', entry: 'zn', n: 2 }, { text: '.' }]);
		expect(page.texts.a).toEqual([{ text: 'Noch ein Bebauungsplan.' }]);
		expect(page.texts.b).toEqual([{ text: 'Nichts.' }]);
		expect(page.entries.map((entry) => [entry.n, entry.term])).toEqual([
			[1, 'Bebauungsplan'],
			[2, 'Zwischennutzung']
		]);
	});

	it('keeps every character of the text', () => {
		const text = 'Ein Bebauungsplan, eine Zwischennutzung – und sonst nichts.';
		const page = annotatePage([['x', text]], matcher, lookup);
		expect(page.texts.x.map((segment) => segment.text).join('')).toBe(text);
	});
});
