import { describe, expect, it } from 'vitest';
import { findAbbreviations, findJargon, findLeichteSprache, findLongSentences, findNominalStyle, findPassive, looksLikeParticiple } from './findings';
import { BUILT_IN_JARGON, type GlossaryTerm } from './jargon';
import { findWords, splitSentences } from './text';

const parse = (text: string) => {
	const words = findWords(text);
	return { text, words, sentences: splitSentences(text, words) };
};
const marked = (text: string, findings: { start: number; end: number }[]) => findings.map((f) => text.slice(f.start, f.end));

describe('findLongSentences', () => {
	it('reports sentences over 20 words, not those with exactly 20', () => {
		const twenty = Array.from({ length: 20 }, () => 'Wort').join(' ') + '.';
		const twentyOne = Array.from({ length: 21 }, () => 'Wort').join(' ') + '.';
		const { sentences } = parse(`${twenty} ${twentyOne}`);
		const findings = findLongSentences(sentences);
		expect(findings).toHaveLength(1);
		expect(findings[0].message).toContain('21 Wörter');
		expect(findings[0].start).toBe(twenty.length + 1);
	});
});

describe('findNominalStyle', () => {
	it('finds support-verb constructions, also with the verb far away', () => {
		const { text, words, sentences } = parse('Wir bringen die Pläne im Herbst zur Durchführung. Das Amt setzt Sie in Kenntnis. Ihre Wünsche finden Berücksichtigung.');
		const findings = findNominalStyle(text, words, sentences);
		expect(marked(text, findings)).toEqual(['zur Durchführung', 'in Kenntnis', 'Berücksichtigung']);
		expect(findings[1].suggestion).toContain('informieren');
	});

	it('does not report the noun without its support verb', () => {
		const { text, words, sentences } = parse('Die Durchführung liegt beim Amt. Wir nehmen Ihre Hinweise auf.');
		expect(findNominalStyle(text, words, sentences)).toEqual([]);
	});

	it('finds chains of three nominalisations close together', () => {
		const { text, words, sentences } = parse('Ziel ist die Verbesserung der Durchführung der Beteiligung. Wir danken für Ihre Meinung und Ihre Zeit.');
		expect(marked(text, findNominalStyle(text, words, sentences))).toEqual(['Verbesserung der Durchführung der Beteiligung']);
	});
});

describe('findPassive', () => {
	it('finds werden + participle, also split by other words and in subordinate clauses', () => {
		const { words, sentences, text } = parse('Die Einladung wird morgen verschickt. Alle Hinweise wurden gesammelt. Wir wissen, dass der Plan beschlossen wurde. Das ist vorher eingeladen worden.');
		expect(marked(text, findPassive(words, sentences))).toEqual(['wird morgen verschickt', 'wurden gesammelt', 'beschlossen wurde', 'eingeladen worden']);
	});

	it('does not take the future tense or „werden“ as a full verb for passive', () => {
		const { words, sentences } = parse('Wir werden Sie informieren. Das wird schön. Wir werden gehen. Es wird gegen acht Uhr.');
		expect(findPassive(words, sentences)).toEqual([]);
	});

	it('recognises participles of several shapes', () => {
		for (const word of ['gemacht', 'geschrieben', 'eingeladen', 'durchgeführt', 'bearbeitet', 'informiert', 'entschieden']) expect(looksLikeParticiple(word), word).toBe(true);
		for (const word of ['gehen', 'gegen', 'bearbeiten', 'informieren', 'Gemacht']) expect(looksLikeParticiple(word), word).toBe(false);
	});
});

describe('findAbbreviations', () => {
	it('reports an abbreviation without explanation at its first use only', () => {
		const text = 'Das ISEK gilt. Das ISEK ist gut.';
		const findings = findAbbreviations(text);
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ start: 4, end: 8 });
		expect(findings[0].suggestion).toContain('Integriertes Stadtentwicklungskonzept (ISEK)');
	});

	it('accepts the long form in brackets before or after it, and well-known ones', () => {
		expect(findAbbreviations('Das Integrierte Stadtentwicklungskonzept (ISEK) gilt. Das ISEK ist gut.')).toEqual([]);
		expect(findAbbreviations('Der ÖPNV (Bus und Bahn) fährt. Die EU zahlt.')).toEqual([]);
	});

	it('finds abbreviations with lower-case letters and inside compounds, not shouting', () => {
		expect(marked('Nach BauGB und im QM-Büro. BITTE kommen Sie.', findAbbreviations('Nach BauGB und im QM-Büro. BITTE kommen Sie.'))).toEqual(['BauGB', 'QM']);
	});
});

describe('findJargon', () => {
	it('finds every form of a term with its plain alternative, also capitalised at the start of a sentence', () => {
		const text = 'Hinsichtlich der Termine: Der Antragsteller meldet sich. Wir fragen hinsichtlich der Kosten.';
		const findings = findJargon(text, BUILT_IN_JARGON);
		expect(marked(text, findings)).toEqual(['Hinsichtlich', 'Antragsteller', 'hinsichtlich']);
		expect(findings[0].suggestion).toContain('„zu“');
	});

	it('takes a glossary’s terms and forms, and only whole words', () => {
		const glossary: GlossaryTerm[] = [{ term: 'Quartiersmanagement', forms: ['Quartiersmanagements', 'Quartiersmanagerin'], plain: 'das Team, das im Stadtteil hilft' }];
		const text = 'Das Quartiersmanagement lädt ein. Die Quartiersmanagerin auch. Quartiersmanagementbüro nicht.';
		const findings = findJargon(text, glossary);
		expect(marked(text, findings)).toEqual(['Quartiersmanagement', 'Quartiersmanagerin']);
		expect(findings[0].suggestion).toBe('Einfacher: das Team, das im Stadtteil hilft');
	});
});

describe('findLeichteSprache', () => {
	it('finds sentences of 13 to 20 words, negation, genitive and subjunctive', () => {
		const { text, words, sentences } = parse(
			'Wir laden alle Menschen aus dem Stadtteil zu einem Treffen am Abend im großen Saal ein. Kommen Sie nicht zu spät. Das Haus des Vereins ist offen. Wir würden uns freuen.'
		);
		expect(marked(text, findLeichteSprache(words, sentences))).toEqual([
			'Wir laden alle Menschen aus dem Stadtteil zu einem Treffen am Abend im großen Saal ein.',
			'nicht',
			'des Vereins',
			'würden'
		]);
	});

	it('does not repeat a sentence already reported as long', () => {
		const long = Array.from({ length: 25 }, () => 'Wort').join(' ') + '.';
		const { words, sentences } = parse(long);
		expect(findLeichteSprache(words, sentences)).toEqual([]);
	});
});
