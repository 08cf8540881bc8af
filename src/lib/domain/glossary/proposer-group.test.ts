import { describe, expect, it } from 'vitest';
import { proposedWords } from './proposer-group';

describe('the words of an anonymous proposal', () => {
	it('stand under the wording of the proposer’s group', () => {
		expect(proposedWords('stadtmacher', 'Leerstand bespielen')).toEqual({ voices: { stadtmacher: 'Leerstand bespielen' } });
		expect(proposedWords('wirtschaft', 'Pop-up')).toEqual({ voices: { wirtschaft: 'Pop-up' } });
		expect(proposedWords('zivilgesellschaft', 'Zwischennutzung')).toEqual({ voices: { zivilgesellschaft: 'Zwischennutzung' } });
	});

	it('are synonyms when the group has no wording of its own or was not named, and nothing without words', () => {
		expect(proposedWords('verwaltung', 'temporäre Nutzung')).toEqual({ synonyms: ['temporäre Nutzung'] });
		expect(proposedWords('keine', 'Zwischending')).toEqual({ synonyms: ['Zwischending'] });
		expect(proposedWords('kultur', '')).toEqual({});
	});
});
