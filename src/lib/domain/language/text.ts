/**
 * Words and sentences of a German text, with offsets in UTF-16 code units (JavaScript string
 * indices) so that findings can be highlighted in exactly the text that was given.
 *
 * Counting rules (shown on the page, too):
 * - A **word** is a run of letters, digits, hyphens and apostrophes that contains at least one
 *   letter: „Bürger-Dialog“ is one word, „z. B.“ two words („z“, „B“), „2025“ and „§“ none.
 * - A **sentence** ends with „.“, „!“, „?“, „…“ or „:“/„;“ never, when whitespace and a new
 *   sentence follow; a blank line and a list item (a line starting with „-“, „•“, „*“ or „1.“)
 *   start a new sentence, too. A full stop does not end a sentence after a known abbreviation
 *   („z. B.“, „d. h.“, „Dr.“, „Nr.“, „Abs.“, „ca.“, „usw.“, „bzw.“, …), after a single letter
 *   (an initial, „A. Müller“), inside a number or a date („12.03.2026“), or after an ordinal
 *   number of up to three digits when a month, a small word or an article makes it one
 *   („12. März“, „den 66. Club“, „am 3. des Monats“). A full stop after a year („2025.“) does.
 */

export interface Span {
	start: number;
	end: number;
}

export interface Word extends Span {
	/** The word as written. */
	text: string;
	/** Letters only (hyphens, apostrophes and digits do not count), for „long word“ (> 6 letters). */
	letters: number;
}

export interface Sentence extends Span {
	/** Index of the sentence's first word in the text's word list, and one past its last. */
	firstWord: number;
	endWord: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER_CHAR = /[\p{L}\p{M}]/u;
const wordChars = new Map<number, number>();

/** 0 = no word character, 1 = digit, 2 = letter (or combining mark). Fast for Latin, cached otherwise. */
function classOf(code: number): number {
	if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 2 : code >= 48 && code <= 57 ? 1 : 0;
	if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? 0 : 2;
	let known = wordChars.get(code);
	if (known === undefined) {
		const char = String.fromCharCode(code);
		known = LETTER_CHAR.test(char) ? 2 : WORD_CHAR.test(char) ? 1 : 0;
		wordChars.set(code, known);
	}
	return known;
}

/** Hyphens and apostrophes join two parts of one word. */
const isJoiner = (code: number) => code === 45 || code === 39 || code === 0x2019 || code === 0x2010;

/** Every word of the text, in order. */
export function findWords(text: string): Word[] {
	const words: Word[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		if (classOf(text.charCodeAt(i)) === 0) {
			i++;
			continue;
		}
		const start = i;
		let letters = 0;
		while (i < n) {
			const kind = classOf(text.charCodeAt(i));
			if (kind) {
				if (kind === 2) letters++;
				i++;
			} else if (isJoiner(text.charCodeAt(i)) && i + 1 < n && classOf(text.charCodeAt(i + 1)) && i > start) i++;
			else break;
		}
		if (letters) words.push({ text: text.slice(start, i), start, end: i, letters });
	}
	return words;
}

/** Abbreviations after which a full stop does not end the sentence (lower case, without the dot). */
export const ABBREVIATIONS = new Set([
	'abs', 'abschn', 'abt', 'allg', 'anm', 'bd', 'bearb', 'betr', 'bspw', 'bzgl', 'bzw', 'ca', 'chr', 'dgl', 'dipl', 'dr', 'ebd', 'einschl', 'etc',
	'evtl', 'ff', 'fr', 'frl', 'gem', 'ggf', 'ggfs', 'gr', 'hr', 'hrsg', 'inkl', 'ing', 'jh', 'jhd', 'kap', 'lt', 'max', 'min', 'mio', 'mrd', 'nr', 'o', 'od',
	'pkt', 'prof', 'rd', 's', 'sog', 'std', 'str', 'tel', 'tsd', 'u', 'usf', 'usw', 'vgl', 'vs', 'z', 'zb', 'zt', 'ziff', 'zit', 'zzgl', 'zzt', 'ggü',
	'geb', 'gez', 'jan', 'feb', 'febr', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'mind', 'ehem', 'verh', 'vorm', 'nachm', 'st', 'art', 'bsp', 'bes'
]);

const MONTHS = /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b/u;
/** Small words before an ordinal: „den 66. Club“, „am 3. Tag“, „zum 2. Mal“, „ihr 10. Geburtstag“. */
const BEFORE_ORDINAL = new Set([
	'der', 'die', 'das', 'den', 'dem', 'des', 'am', 'im', 'vom', 'zum', 'zur', 'beim', 'ab', 'bis', 'seit', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'ihr', 'ihre',
	'ihrem', 'ihren', 'ihrer', 'sein', 'seine', 'seinem', 'seinen', 'seiner', 'unser', 'unsere', 'unserem', 'unseren', 'unserer', 'jeden', 'jedem', 'jeder', 'jede',
	'jedes', 'alle', 'für', 'auf', 'in', 'an', 'nach', 'vor', 'mit', 'über', 'unter', 'zwischen', 'bei', 'durch', 'gegen', 'um', 'von', 'und', 'oder', 'bzw', 'vom', '§', 'nr', 'abs', 's', 'art', 'ziff'
]);

const SPACE = /\s/u;
const BULLET_LINE = /^[ \t]*(?:[-–•*·▪]|\d{1,2}[.)])[ \t]/u;

function isSentenceStart(text: string, at: number): boolean {
	// Skip opening quotes and brackets.
	let i = at;
	while (i < text.length && /["„“”‚‘'«»([]/u.test(text[i])) i++;
	if (i >= text.length) return false;
	const c = text[i];
	return /[\p{Lu}\p{N}§]/u.test(c) || /\p{L}/u.test(c) === false;
}

/** The word (letters, digits, dots inside) directly before position `end`. */
function tokenBefore(text: string, end: number): string {
	let i = end;
	while (i > 0 && /[\p{L}\p{N}.-]/u.test(text[i - 1])) i--;
	return text.slice(i, end);
}

function wordBefore(text: string, end: number): string {
	let i = end;
	while (i > 0 && SPACE.test(text[i - 1])) i--;
	const stop = i;
	while (i > 0 && /[\p{L}\p{N}§]/u.test(text[i - 1])) i--;
	return text.slice(i, stop);
}

/** Whether the full stop at `dot` (followed by whitespace) ends a sentence. */
function fullStopEnds(text: string, dot: number, next: number): boolean {
	const token = tokenBefore(text, dot);
	if (!token) return true;
	const last = token.split('.').pop() ?? '';
	if (/^\p{L}+$/u.test(last)) {
		if (ABBREVIATIONS.has(last.toLowerCase())) return false;
		if (/str$/iu.test(last)) return false; // street names: „Hauptstr. 5“
		if (last.length === 1) return false; // initial: „A. Müller“, „z. B.“ written as „z.B.“
		return true;
	}
	if (/^\d{1,3}$/u.test(token)) {
		// An ordinal or a day: „12. März“, „den 66. Club“, „3. Stock“ after a small word.
		const rest = text.slice(next);
		if (MONTHS.test(rest)) return false;
		if (/^\p{Ll}/u.test(rest)) return false;
		const before = wordBefore(text, dot - token.length).toLowerCase();
		if (BEFORE_ORDINAL.has(before)) return false;
		return true;
	}
	return true;
}

/** The sentences of the text with the words they contain. Every word belongs to exactly one sentence. */
export function splitSentences(text: string, words: Word[] = findWords(text)): Sentence[] {
	const boundaries: number[] = []; // offsets where a new sentence may start (after the end mark)
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const code = text.charCodeAt(i);
		// . ! ? … and line feed are the only places where a sentence can end.
		if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026 && code !== 10) continue;
		const c = text[i];
		if (c !== '\n') {
			// Take the whole run of end marks and closing quotes/brackets.
			let j = i + 1;
			while (j < n && /[.!?…"“”‘’'»«)\]]/u.test(text[j])) j++;
			if (j < n && !SPACE.test(text[j])) {
				i = j - 1;
				continue;
			}
			let k = j;
			while (k < n && SPACE.test(text[k])) k++;
			// „?“ and „!“ always end a sentence; „.“ and „…“ only before a capital, a digit or a sign.
			const ends = k >= n || c === '?' || c === '!' || (isSentenceStart(text, k) && (c === '…' || j - i > 1 || fullStopEnds(text, i, k)));
			if (ends) boundaries.push(j);
			i = j - 1;
		} else {
			// A blank line or a list item on the next line ends the sentence.
			let k = i + 1;
			while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
			if (k < n && text[k] === '\n') boundaries.push(i);
			else if (BULLET_LINE.test(text.slice(k, k + 6))) boundaries.push(i);
		}
	}
	const sentences: Sentence[] = [];
	let w = 0;
	let from = 0;
	const push = (limit: number) => {
		const first = w;
		while (w < words.length && words[w].start < limit) w++;
		if (w > first) {
			// The sentence runs from its first non-space character to its end mark (numbers included).
			let start = from;
			while (start < limit && SPACE.test(text[start])) start++;
			let end = Math.min(limit, n);
			while (end > start && SPACE.test(text[end - 1])) end--;
			sentences.push({ start, end, firstWord: first, endWord: w });
		}
	};
	for (const boundary of boundaries) {
		if (boundary <= from) continue;
		push(boundary);
		from = boundary;
	}
	push(n);
	return sentences;
}
