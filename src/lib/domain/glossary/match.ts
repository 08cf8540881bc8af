/*
 * Finding glossary terms in a text: every form of a term (the term, its synonyms, its inflected
 * forms) as a whole word, case-insensitively, and besides those any word that differs from a
 * term's word only by an inflection ending and umlaut ("Bebauungsplänen" ~ "Bebauungsplan", but
 * not "Bebauungsplanung"). A stemmer (Snowball German) was tried and rejected here: it strips -ung
 * and so finds "Bebauungsplan" in "Bebauungsplanung". Abbreviations written in capitals ("ISEK") match only
 * in capitals, so that a term never lights up inside ordinary words. Offsets are UTF-16 code units
 * of the given text, like every offset in the language check.
 */

export interface MatchableEntry {
	id: string;
	term: string;
	synonyms: readonly string[];
	forms: readonly string[];
}

export interface TermMatch {
	entryId: string;
	term: string;
	start: number;
	end: number;
	/** The text as written there. */
	text: string;
}

interface Token {
	start: number;
	end: number;
	text: string;
	lower: string;
	bases: string[];
}

/** Words, with gender marks ("Stadtmacher*innen") and apostrophes inside; hyphens, slashes and punctuation separate. */
const WORD = /[\p{L}\p{N}]+(?:[*:_'’][\p{L}\p{N}]+)*/gu;

/** Inflection endings of German nouns and adjectives, longest first. */
const ENDINGS = ['ern', 'en', 'er', 'es', 'em', 'e', 'n', 's'];
const FOLD: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/**
 * The word without case, umlaut and gender mark, and each way of it without one inflection ending:
 * "Häusern" → hausern, hauser, hause… Two words are forms of one another when these share a base of
 * at least four letters.
 */
export function basesOf(word: string): string[] {
	const folded = word.toLocaleLowerCase('de').replace(/[*:_'’]/g, '').replace(/[äöüß]/g, (c) => FOLD[c]);
	const bases = [folded];
	for (const ending of ENDINGS) if (folded.endsWith(ending) && folded.length - ending.length >= 4) bases.push(folded.slice(0, -ending.length));
	return bases;
}

function sameWord(a: readonly string[], b: readonly string[]): boolean {
	return a.some((base) => base.length >= 4 && b.includes(base));
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const match of text.matchAll(WORD)) {
		const lower = match[0].toLocaleLowerCase('de');
		tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0], lower, bases: basesOf(match[0]) });
	}
	return tokens;
}

/** "ISEK", "ISEKs", "BauGB": written in capitals, matched only so. */
const isAbbreviation = (word: string) => /^\p{Lu}[\p{Lu}\d]+(?:s|\p{Ll}{1,2}\p{Lu})?$/u.test(word);

/** One way of writing a term, as a sequence of words, each compared exactly or by its bases. */
interface Pattern {
	entryId: string;
	term: string;
	words: { lower: string; bases: string[]; exact: string | null }[];
}

export interface GlossaryMatcher {
	/** Patterns by the lower-case form and by each base of their first word. */
	byFirst: Map<string, Pattern[]>;
	size: number;
}

/** Compiles the entries once (per glossary state); `findTerms` then costs one map look-up per word. */
export function compileMatcher(entries: readonly MatchableEntry[]): GlossaryMatcher {
	const byFirst = new Map<string, Pattern[]>();
	const seen = new Set<string>();
	const add = (key: string, pattern: Pattern) => {
		const list = byFirst.get(key);
		if (list) {
			if (!list.includes(pattern)) list.push(pattern);
		} else byFirst.set(key, [pattern]);
	};
	for (const entry of entries) {
		for (const written of [entry.term, ...entry.synonyms, ...entry.forms]) {
			const words = [...written.matchAll(WORD)].map((m) => m[0]);
			if (!words.length) continue;
			const key = `${entry.id}\u0000${words.join(' ').toLocaleLowerCase('de')}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const pattern: Pattern = {
				entryId: entry.id,
				term: entry.term,
				words: words.map((word) => ({ lower: word.toLocaleLowerCase('de'), bases: basesOf(word), exact: isAbbreviation(word) ? word : null }))
			};
			add(`w:${pattern.words[0].lower}`, pattern);
			if (!pattern.words[0].exact) for (const base of pattern.words[0].bases) if (base.length >= 4) add(`b:${base}`, pattern);
		}
	}
	return { byFirst, size: entries.length };
}

function wordMatches(token: Token, word: Pattern['words'][number]): boolean {
	if (word.exact) return token.text === word.exact || token.text === `${word.exact}s`;
	return token.lower === word.lower || sameWord(token.bases, word.bases);
}

/**
 * Every occurrence of a glossary term in `text`, left to right, never overlapping: where two terms
 * start at one word the longer wins ("Integriertes Stadtentwicklungskonzept" before
 * "Stadtentwicklungskonzept").
 */
export function findTerms(text: string, matcher: GlossaryMatcher): TermMatch[] {
	if (!matcher.size || !text) return [];
	const tokens = tokenize(text);
	const found: TermMatch[] = [];
	for (let i = 0; i < tokens.length; ) {
		const token = tokens[i];
		const candidates = [...(matcher.byFirst.get(`w:${token.lower}`) ?? []), ...token.bases.flatMap((base) => matcher.byFirst.get(`b:${base}`) ?? [])];
		let best: { pattern: Pattern; length: number } | null = null;
		for (const pattern of candidates) {
			const n = pattern.words.length;
			if (i + n > tokens.length || (best && n <= best.length)) continue;
			let ok = true;
			for (let k = 0; k < n && ok; k++) {
				ok = wordMatches(tokens[i + k], pattern.words[k]);
				// Words of one term stand next to each other, separated by spaces only.
				if (ok && k > 0 && !/^\s+$/.test(text.slice(tokens[i + k - 1].end, tokens[i + k].start))) ok = false;
			}
			if (ok) best = { pattern, length: n };
		}
		if (best) {
			const start = token.start;
			const end = tokens[i + best.length - 1].end;
			found.push({ entryId: best.pattern.entryId, term: best.pattern.term, start, end, text: text.slice(start, end) });
			i += best.length;
		} else i++;
	}
	return found;
}

/** Whether the search words name the entry: a form of a word of its term, synonyms or forms, the beginning of one, or (from four letters) a word of its explanation. */
export function searchMatches(query: string, entry: MatchableEntry & { plain?: string }): boolean {
	const words = [...query.matchAll(WORD)].map((m) => m[0]);
	if (!words.length) return true;
	const entryWords = [entry.term, ...entry.synonyms, ...entry.forms].flatMap((written) => [...written.matchAll(WORD)].map((m) => m[0]));
	const entryBases = entryWords.map(basesOf);
	const plain = (entry.plain ?? '').toLocaleLowerCase('de');
	return words.every((word) => {
		const bases = basesOf(word);
		return entryBases.some((other) => sameWord(bases, other) || other[0].startsWith(bases[0])) || (word.length >= 4 && plain.includes(word.toLocaleLowerCase('de')));
	});
}
