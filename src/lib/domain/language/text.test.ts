import { describe, expect, it } from 'vitest';
import { findWords, splitSentences } from './text';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
	it('keeps paragraphs, abbreviations and numbers of laws inside one sentence', () => {
		expect(sentencesOf('Nach § 3 Abs. 2 Nr. 1 BauGB ist das erlaubt. Das gilt z. B. für Gärten, d. h. für alle.')).toEqual([
			'Nach § 3 Abs. 2 Nr. 1 BauGB ist das erlaubt.',
			'Das gilt z. B. für Gärten, d. h. für alle.'
		]);
	});

	it('keeps titles and short forms inside the sentence', () => {
		expect(sentencesOf('Es spricht Dr. Meier aus der Hauptstr. 5. Es kommen ca. 40 Personen, bzw. Vereine usw. und mehr.')).toEqual([
			'Es spricht Dr. Meier aus der Hauptstr. 5.',
			'Es kommen ca. 40 Personen, bzw. Vereine usw. und mehr.'
		]);
	});

	it('keeps dates and ordinals inside the sentence', () => {
		expect(sentencesOf('Wir treffen uns am 12. März im Rathaus. Wir feiern den 66. Club. Am 12.03.2026 ist Schluss.')).toEqual([
			'Wir treffen uns am 12. März im Rathaus.',
			'Wir feiern den 66. Club.',
			'Am 12.03.2026 ist Schluss.'
		]);
	});

	it('ends a sentence after a year and after question and exclamation marks', () => {
		expect(sentencesOf('Das Projekt begann 2020. Kommen Sie? Ja! Wir freuen uns …')).toEqual(['Das Projekt begann 2020.', 'Kommen Sie?', 'Ja!', 'Wir freuen uns …']);
	});

	it('ends a sentence at a blank line and before a list item', () => {
		expect(sentencesOf('Einladung\n\nBitte bringen Sie mit:\n- einen Stift\n- gute Laune')).toEqual(['Einladung', 'Bitte bringen Sie mit:', '- einen Stift', '- gute Laune']);
	});

	it('keeps a line break inside a sentence', () => {
		expect(sentencesOf('Wir laden Sie\nherzlich ein.')).toEqual(['Wir laden Sie\nherzlich ein.']);
	});

	it('assigns every word to one sentence', () => {
		const text = 'Eins zwei. Drei vier fünf! Sechs';
		const words = findWords(text);
		const sentences = splitSentences(text, words);
		expect(sentences.map((s) => s.endWord - s.firstWord)).toEqual([2, 3, 1]);
	});

	it('finds no sentence in an empty text', () => {
		expect(splitSentences('')).toEqual([]);
		expect(splitSentences('  \n 2026 ')).toEqual([]);
	});
});

describe('findWords', () => {
	it('counts hyphenated words once, abbreviations per letter group, and numbers not at all', () => {
		expect(findWords('Der Bürger-Dialog am 3. Mai, z. B. um 18 Uhr.').map((w) => w.text)).toEqual(['Der', 'Bürger-Dialog', 'am', 'Mai', 'z', 'B', 'um', 'Uhr']);
	});

	it('gives offsets in UTF-16 code units', () => {
		const text = '👋 Grüße';
		const [word] = findWords(text);
		expect(word).toMatchObject({ start: 3, end: 8, text: 'Grüße' });
		expect(text.slice(word.start, word.end)).toBe('Grüße');
	});

	it('counts letters without hyphens for long words', () => {
		expect(findWords('Bürger-Dialog')[0].letters).toBe(12);
	});
});
