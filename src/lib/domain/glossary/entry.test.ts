import { describe, expect, it } from 'vitest';
import { countSentences, glossaryContentSchema, initialOf, uniqueSlug } from './entry';

const base = { term: 'Bebauungsplan', plain: 'Ein Plan der Gemeinde, der festlegt, was gebaut werden darf.' };

describe('glossaryContentSchema', () => {
	it('accepts a short entry and fills the defaults', () => {
		expect(glossaryContentSchema.parse(base)).toMatchObject({ status: 'vorschlag', synonyms: [], voices: {}, agreedBy: [] });
	});

	it('refuses an explanation of three sentences, in German', () => {
		const result = glossaryContentSchema.safeParse({ ...base, plain: 'Ein Plan. Er gilt. Für alle.' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toMatch(/mehr als zwei Sätze/);
	});

	it('wants to know who agreed on an abgestimmt entry', () => {
		const result = glossaryContentSchema.safeParse({ ...base, status: 'abgestimmt' });
		expect(result.error?.issues[0]).toMatchObject({ path: ['agreedBy'] });
		expect(glossaryContentSchema.safeParse({ ...base, status: 'abgestimmt', agreedBy: ['verwaltung', 'stadtmacher'] }).success).toBe(true);
	});

	it('drops empty and repeated synonyms', () => {
		expect(glossaryContentSchema.parse({ ...base, synonyms: ['B-Plan', ' b-plan ', ''] }).synonyms).toEqual(['B-Plan']);
	});
});

describe('countSentences', () => {
	it('does not end a sentence at "z. B." or "Abs."', () => {
		expect(countSentences('Zum Beispiel z. B. ein Park nach § 3 Abs. 1 BauGB. Das ist alles.')).toBe(2);
	});
});

describe('slugs and letters', () => {
	it('gives readable, unique slugs and files umlauts under their base letter', () => {
		expect(uniqueSlug('Stadtmacher*innen', new Set())).toBe('stadtmacher-innen');
		expect(uniqueSlug('Öffentlichkeitsbeteiligung', new Set(['oeffentlichkeitsbeteiligung']))).toBe('oeffentlichkeitsbeteiligung-2');
		expect(initialOf('Öffentlichkeitsbeteiligung')).toBe('O');
		expect(initialOf('§ 34')).toBe('#');
	});
});
