import { describe, expect, it } from 'vitest';
import { countSyllables } from './syllables';

/*
 * Reference counts: the syllable division („Worttrennung“) of each word in the German Wiktionary
 * (de.wiktionary.org), which follows Duden. Only words are used whose division shows every
 * syllable (hyphenation never splits off a single letter at the start or end of a word, so words
 * like „Ideen“ = „Ide·en“ or „Familie“ = „Fa·mi·lie“ cannot serve as references).
 */
const WIKTIONARY: [division: string, syllables: number][] = [
	['Ko·a·li·ti·on', 5],
	['Mu·se·um', 3],
	['The·a·ter', 3],
	['Ni·veau', 2],
	['Mi·lieu', 2],
	['viel·leicht', 2],
	['Bau·er', 2],
	['Fei·er', 2],
	['Ei·er', 2],
	['Haus', 1],
	['Au·to', 2],
	['Po·e·sie', 3],
	['Si·tu·a·ti·on', 5],
	['Ja·nu·ar', 3],
	['Fe·ri·en', 3],
	['Quel·le', 2],
	['Stadt·ent·wick·lungs·kon·zept', 6],
	['Bür·ger·be·tei·li·gung', 6],
	['The·o·rie', 3],
	['Re·gi·on', 3],
	['Ma·te·ri·al', 4],
	['Ju·bi·lä·um', 4],
	['Pa·ti·ent', 3],
	['be·en·den', 3],
	['ge·eig·net', 3],
	['Ru·i·ne', 3],
	['ak·tu·ell', 3],
	['Stu·di·um', 3],
	['Steu·er', 2],
	['Mau·er', 2],
	['Zoo', 1],
	['Boot', 1],
	['Ru·he', 2],
	['ge·hen', 2],
	['Fahrt', 1],
	['Bäu·me', 2],
	['Wie·se', 2],
	['Bie·nen', 2],
	['Mu·se·en', 3],
	['Lo·ya·li·tät', 4],
	['Sys·tem', 2],
	['Be·tei·li·gungs·ver·fah·ren', 7],
	['Richt·li·ni·e', 4] // Wiktionary: Richt·li·nie; the final „-ni-e“ is two syllables like „-ti-on“ in Ko·a·li·ti·on
];

describe('countSyllables', () => {
	it.each(WIKTIONARY)('%s has %i syllables', (division, syllables) => {
		expect(countSyllables(division.replaceAll('·', ''))).toBe(syllables);
	});

	it('counts loanwords from the list of exceptions, also inside compounds', () => {
		expect(countSyllables('online')).toBe(2); // on·line
		expect(countSyllables('Onlinebefragung')).toBe(5); // On·line·be·fra·gung
		expect(countSyllables('Teamarbeit')).toBe(3); // Team·ar·beit
	});

	it('counts each part of a hyphenated word', () => {
		expect(countSyllables('Bürger-Dialog')).toBe(5); // Bür·ger-Di·a·log
	});

	it('gives every word at least one syllable, also abbreviations without vowels', () => {
		expect(countSyllables('BVG')).toBe(1);
	});

	it('does not depend on capitalisation', () => {
		expect(countSyllables('KOALITION')).toBe(countSyllables('koalition'));
	});
});
