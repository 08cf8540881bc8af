import {
	findAbbreviations,
	findJargon,
	findLeichteSprache,
	findLongSentences,
	findNominalStyle,
	findPassive,
	LONG_SENTENCE_WORDS,
	termAbbreviations,
	type Finding,
	type FindingType
} from './findings';
import { BUILT_IN_JARGON, mergeTerms, type GlossaryTerm } from './jargon';
import { bandsOf, computeScores, type Band, type Counts, type ScoreKey, type Scores } from './scores';
import { countSyllables } from './syllables';
import { findWords, splitSentences, type Word } from './text';

export type CheckRule = 'leichte-sprache';
export const CHECK_RULES: readonly CheckRule[] = ['leichte-sprache'];

export interface CheckOptions {
	/** Extra rules; „leichte-sprache“ adds the rules of Leichte Sprache. */
	rules?: readonly CheckRule[];
	/** Glossary terms to report as jargon with their plain alternative (they win over the built-in list). */
	glossary?: readonly GlossaryTerm[];
	/** Whether the built-in list of administrative words applies too (default: yes). */
	builtInJargon?: boolean;
}

export interface SummaryItem {
	type: FindingType;
	count: number;
	/** Sum of the findings' weights; the summary is ordered by it. */
	impact: number;
	title: string;
	message: string;
	/** Offsets of the finding to fix first in this group. */
	first: { start: number; end: number };
}

export interface TextCheck {
	scores: Scores;
	bands: Record<ScoreKey, Band | null>;
	counts: Counts;
	/** Ordered by position in the text. */
	findings: Finding[];
	/** „Was Sie zuerst ändern sollten“: one item per kind of finding, most important first. */
	summary: SummaryItem[];
}

/** Counts for the scores: words, syllables and the word classes the formulas need. */
export function countWords(words: readonly Word[], sentences: number): Counts {
	let syllables = 0;
	let longWords = 0;
	let polysyllables = 0;
	let monosyllables = 0;
	for (const word of words) {
		const count = countSyllables(word.text);
		syllables += count;
		if (word.letters > 6) longWords++;
		if (count >= 3) polysyllables++;
		else if (count === 1) monosyllables++;
	}
	return { sentences, words: words.length, syllables, longWords, polysyllables, monosyllables };
}

/** How much one finding hurts understanding (for the order of the summary). */
function weight(finding: Finding): number {
	switch (finding.type) {
		case 'long-sentence': {
			const words = Number(/(\d+) Wörter/.exec(finding.message)?.[1] ?? LONG_SENTENCE_WORDS);
			return 2 + (words - LONG_SENTENCE_WORDS) / 5;
		}
		case 'nominal-style':
			return 2;
		case 'passive':
			return 1.5;
		case 'abbreviation':
			return 1.5;
		case 'jargon':
			return 1;
		case 'leichte-sprache':
			return 0.5;
	}
}

const TITLES: Record<FindingType, string> = {
	'long-sentence': 'Lange Sätze teilen',
	'nominal-style': 'Verben statt Hauptwörter',
	passive: 'Aktiv statt Passiv',
	abbreviation: 'Abkürzungen erklären',
	jargon: 'Fachwörter ersetzen oder erklären',
	'leichte-sprache': 'Regeln der Leichten Sprache'
};

function summaryMessage(type: FindingType, count: number, findings: Finding[]): string {
	switch (type) {
		case 'long-sentence': {
			const longest = Math.max(...findings.map((f) => Number(/(\d+) Wörter/.exec(f.message)?.[1] ?? 0)));
			return count === 1
				? `1 Satz hat mehr als ${LONG_SENTENCE_WORDS} Wörter (${longest}). Teilen Sie ihn in kürzere Sätze.`
				: `${count} Sätze haben mehr als ${LONG_SENTENCE_WORDS} Wörter, der längste ${longest}. Teilen Sie sie in kürzere Sätze.`;
		}
		case 'nominal-style':
			return `${count}-mal Nominalstil. Schreiben Sie mit Verben, wer was tut.`;
		case 'passive':
			return `${count}-mal Passiv. Sagen Sie, wer handelt: „Wir laden Sie ein“.`;
		case 'abbreviation':
			return count === 1 ? '1 Abkürzung ist nicht erklärt. Schreiben Sie beim ersten Mal das ganze Wort.' : `${count} Abkürzungen sind nicht erklärt. Schreiben Sie beim ersten Mal das ganze Wort.`;
		case 'jargon':
			return `${count}-mal ein Fachwort der Verwaltung. Nehmen Sie das einfachere Wort oder erklären Sie es.`;
		case 'leichte-sprache':
			return `${count} Stellen gegen die Regeln der Leichten Sprache.`;
	}
}

/** Groups the findings by kind, ordered by their total weight. */
export function summarise(findings: readonly Finding[]): SummaryItem[] {
	const groups = new Map<FindingType, { findings: Finding[]; impact: number; best: Finding; bestWeight: number }>();
	for (const finding of findings) {
		const w = weight(finding);
		const group = groups.get(finding.type);
		if (!group) groups.set(finding.type, { findings: [finding], impact: w, best: finding, bestWeight: w });
		else {
			group.findings.push(finding);
			group.impact += w;
			if (w > group.bestWeight) {
				group.best = finding;
				group.bestWeight = w;
			}
		}
	}
	return [...groups.entries()]
		.map(([type, group]) => ({
			type,
			count: group.findings.length,
			impact: Math.round(group.impact * 10) / 10,
			title: TITLES[type],
			message: summaryMessage(type, group.findings.length, group.findings),
			first: { start: group.best.start, end: group.best.end }
		}))
		.sort((a, b) => b.impact - a.impact);
}

const merged = new WeakMap<readonly GlossaryTerm[], readonly GlossaryTerm[]>();

/** The terms to report as jargon; the same glossary array gives the same merged list (so its pattern is compiled once). */
function termsFor(options: CheckOptions): readonly GlossaryTerm[] {
	const glossary = options.glossary;
	if (options.builtInJargon === false) return glossary ?? [];
	if (!glossary?.length) return BUILT_IN_JARGON;
	let terms = merged.get(glossary);
	if (!terms) merged.set(glossary, (terms = mergeTerms(glossary)));
	return terms;
}

/**
 * The whole check of a German text: counts, scores with their bands, findings and the summary.
 * Pure; the same text and options always give the same result.
 */
export function checkText(text: string, options: CheckOptions = {}): TextCheck {
	const words = findWords(text);
	const sentences = splitSentences(text, words);
	const counts = countWords(words, sentences.length);
	const scores = computeScores(counts);
	const terms = termsFor(options);
	const findings: Finding[] = [
		...findLongSentences(sentences),
		...findNominalStyle(text, words, sentences),
		...findPassive(words, sentences),
		...findAbbreviations(text, termAbbreviations(terms), words),
		...findJargon(text, terms),
		...(options.rules?.includes('leichte-sprache') ? findLeichteSprache(words, sentences) : [])
	].sort((a, b) => a.start - b.start || b.end - a.end);
	return { scores, bands: bandsOf(scores), counts, findings, summary: summarise(findings) };
}
