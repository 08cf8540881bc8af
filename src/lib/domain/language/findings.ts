import { formsOf, type GlossaryTerm } from './jargon';
import { findWords, type Sentence, type Word } from './text';

/**
 * Finders for the places where a German text loses readers. Each returns findings with offsets in
 * UTF-16 code units of the text that was checked, a short German message and, where possible, a
 * suggestion.
 */

export type FindingType = 'long-sentence' | 'nominal-style' | 'passive' | 'abbreviation' | 'jargon' | 'leichte-sprache';
export const FINDING_TYPES: readonly FindingType[] = ['long-sentence', 'nominal-style', 'passive', 'abbreviation', 'jargon', 'leichte-sprache'];

export interface Finding {
	type: FindingType;
	start: number;
	end: number;
	message: string;
	suggestion?: string;
}

/** Sentences with more words than this are reported. */
export const LONG_SENTENCE_WORDS = 20;
/** Leichte Sprache: at most this many words in a sentence. */
export const LEICHTE_SPRACHE_SENTENCE_WORDS = 12;

const quote = (text: string) => `„${text}“`;

/** Sentences over 20 words. */
export function findLongSentences(sentences: readonly Sentence[], limit = LONG_SENTENCE_WORDS): Finding[] {
	const findings: Finding[] = [];
	for (const sentence of sentences) {
		const count = sentence.endWord - sentence.firstWord;
		if (count > limit)
			findings.push({
				type: 'long-sentence',
				start: sentence.start,
				end: sentence.end,
				message: `Langer Satz: ${count} Wörter. Sätze mit bis zu ${limit} Wörtern sind leichter zu lesen.`,
				suggestion: 'Teilen Sie den Satz: ein Gedanke je Satz.'
			});
	}
	return findings;
}

const L = '\\p{L}';
const verb = (...forms: string[]) => new RegExp(`(?<!${L})(?:${forms.join('|')})(?!${L})`, 'u');
const NEHMEN = ['nehm\\p{L}*', 'nimm\\p{L}*', 'nahm\\p{L}*', 'genommen'];
const BRINGEN = ['bring\\p{L}*', 'brach\\p{L}*', 'gebracht\\p{L}*'];
const KOMMEN = ['komm\\p{L}*', 'kam', 'kamen', 'kamst', 'kamt', 'gekommen'];
const FINDEN = ['find\\p{L}*', 'fand', 'fanden', 'gefunden'];
const STELLEN = ['stell\\p{L}*', 'gestellt\\p{L}*'];
const SETZEN = ['setz\\p{L}*', 'gesetzt'];
const GEBEN = ['gebe', 'geben', 'gebt', 'gibt', 'gibst', 'gab', 'gaben', 'gegeben'];

interface SupportVerb {
	/** The noun, as written (capitalised). */
	noun: string;
	/** The word(s) that must come right before it, lower case; empty when the noun alone counts. */
	before: readonly string[];
	verb: RegExp;
	plain: string;
}

const construction = (phrase: string, verbRe: RegExp, plain: string): SupportVerb => {
	const parts = phrase.split(' ');
	const noun = parts.pop()!;
	return { noun, before: parts.length ? parts[0].split('|') : [], verb: verbRe, plain };
};

/** Support-verb constructions (Funktionsverbgefüge) and the verb that says the same. */
export const SUPPORT_VERBS: readonly SupportVerb[] = [
	construction('zur Durchführung', verb(...BRINGEN, ...KOMMEN, 'gelang\\p{L}*'), '„durchführen“ oder „machen“'),
	construction('zur Anwendung', verb(...BRINGEN, ...KOMMEN), '„anwenden“'),
	construction('zur Auszahlung', verb(...BRINGEN, ...KOMMEN, 'gelang\\p{L}*'), '„auszahlen“'),
	construction('zur Abstimmung', verb(...BRINGEN, ...STELLEN), '„abstimmen“'),
	construction('zur Verfügung', verb(...STELLEN), '„geben“ oder „bereitstellen“'),
	construction('zur Kenntnis', verb(...NEHMEN, ...BRINGEN, ...GEBEN), '„lesen“, „erfahren“ oder „mitteilen“'),
	construction('zur Sprache', verb(...BRINGEN, ...KOMMEN), '„ansprechen“'),
	construction('zum Abschluss', verb(...BRINGEN, ...KOMMEN), '„abschließen“ oder „beenden“'),
	construction('zum Ausdruck', verb(...BRINGEN, ...KOMMEN), '„ausdrücken“ oder „sagen“'),
	construction('zum Einsatz', verb(...BRINGEN, ...KOMMEN), '„einsetzen“ oder „nutzen“'),
	construction('in Kenntnis', verb(...SETZEN), '„informieren“'),
	construction('in Erwägung', verb('zieh\\p{L}*', 'zog', 'zogen', 'gezogen'), '„überlegen“ oder „prüfen“'),
	construction('in Anspruch', verb(...NEHMEN), '„nutzen“'),
	construction('in Auftrag', verb(...GEBEN), '„beauftragen“'),
	construction('in Betrieb', verb(...NEHMEN), '„eröffnen“ oder „starten“'),
	construction('in Verbindung', verb(...SETZEN, 'tret\\p{L}*', 'tritt', 'trat', 'traten', 'getreten'), '„sich melden“ oder „Kontakt aufnehmen“'),
	construction('Berücksichtigung', verb(...FINDEN, 'schenk\\p{L}*', 'geschenkt'), '„berücksichtigen“ oder „beachten“'),
	construction('Beachtung', verb(...FINDEN, 'schenk\\p{L}*', 'geschenkt'), '„beachten“'),
	construction('Verwendung', verb(...FINDEN), '„verwenden“ oder „nutzen“'),
	construction('Anwendung', verb(...FINDEN), '„anwenden“'),
	construction('Unterstützung', verb('leist\\p{L}*', 'geleistet', 'gewähr\\p{L}*'), '„unterstützen“ oder „helfen“'),
	construction('Hilfe', verb('leist\\p{L}*', 'geleistet'), '„helfen“'),
	construction('Abhilfe', verb('schaff\\p{L}*', 'geschaffen', 'schuf'), '„helfen“ oder „beheben“'),
	construction('eine|die Entscheidung', verb('treff\\p{L}*', 'trifft', 'traf', 'trafen', 'getroffen'), '„entscheiden“'),
	construction('einen|den Antrag', verb(...STELLEN), '„beantragen“'),
	construction('eine|die Prüfung', verb('vornehm\\p{L}*', 'vorgenommen', 'durchführ\\p{L}*', 'durchgeführt', ...NEHMEN), '„prüfen“'),
	construction('Einfluss', verb(...NEHMEN), '„beeinflussen“'),
	construction('Gebrauch', verb('mach\\p{L}*', 'gemacht'), '„nutzen“ oder „gebrauchen“'),
	construction('Bezug', verb(...NEHMEN), '„sich beziehen auf“'),
	construction('Rücksicht', verb(...NEHMEN), '„berücksichtigen“')
];

const BY_NOUN = new Map<string, SupportVerb[]>();
for (const entry of SUPPORT_VERBS) BY_NOUN.set(entry.noun, [...(BY_NOUN.get(entry.noun) ?? []), entry]);

/** At least this many nominalisations, each at most `NOMINAL_GAP` words after the previous one. */
export const NOMINAL_CHAIN = 3;
const NOMINAL_GAP = 4;

const NOMINAL_ENDINGS = ['ung', 'ungen', 'heit', 'heiten', 'keit', 'keiten', 'ion', 'ionen', 'ität', 'itäten', 'ismus', 'ismen'];

/** A nominalisation: a capitalised word of six or more letters ending in -ung(en), -heit(en), -keit(en), -ion(en), -ität(en), -ismus/-ismen. */
export function isNominalisation(word: string): boolean {
	if (word.length < 6 || !isUpper(word.charCodeAt(0))) return false;
	for (const ending of NOMINAL_ENDINGS) if (word.endsWith(ending)) return word.length - ending.length >= 3 && !/[-'’‐]/u.test(word.slice(-ending.length - 1));
	return false;
}

/** Nominal style: support-verb constructions and chains of nominalisations. */
export function findNominalStyle(text: string, words: readonly Word[], sentences: readonly Sentence[]): Finding[] {
	const findings: Finding[] = [];
	for (const sentence of sentences) {
		let chain: Word[] = [];
		let lastIndex = -1;
		let sentenceText: string | undefined;
		const flush = () => {
			if (chain.length >= NOMINAL_CHAIN) {
				const shown = chain
					.slice(0, 4)
					.map((word) => quote(word.text))
					.join(', ');
				findings.push({
					type: 'nominal-style',
					start: chain[0].start,
					end: chain[chain.length - 1].end,
					message: `Nominalstil: ${chain.length} Hauptwörter auf -ung, -heit, -keit, -ion dicht hintereinander (${shown}).`,
					suggestion: 'Sagen Sie mit Verben, wer was tut: „Wir befragen Sie, damit wir besser planen“ statt „die Durchführung der Befragung zur Verbesserung der Planung“.'
				});
			}
			chain = [];
		};
		for (let w = sentence.firstWord; w < sentence.endWord; w++) {
			const word = words[w];
			const constructions = BY_NOUN.get(word.text);
			if (constructions) {
				for (const entry of constructions) {
					let start = word.start;
					if (entry.before.length) {
						const previous = w > sentence.firstWord ? words[w - 1] : undefined;
						if (!previous || word.start - previous.end > 2 || !entry.before.includes(previous.text.toLowerCase())) continue;
						start = previous.start;
					}
					sentenceText ??= text.slice(sentence.start, sentence.end);
					if (!entry.verb.test(sentenceText)) continue;
					const phrase = text.slice(start, word.end);
					findings.push({
						type: 'nominal-style',
						start,
						end: word.end,
						message: `Nominalstil: ${quote(phrase)} mit einem Verb, das wenig sagt (Funktionsverbgefüge).`,
						suggestion: `Sagen Sie es mit einem Verb: ${entry.plain}.`
					});
					break;
				}
			}
			if (!isNominalisation(word.text)) continue;
			if (chain.length && w - lastIndex > NOMINAL_GAP) flush();
			chain.push(word);
			lastIndex = w;
		}
		flush();
	}
	return findings;
}

const WERDEN = new Set(['werde', 'werden', 'wirst', 'wird', 'werdet', 'wurde', 'wurden', 'wurdest', 'wurdet', 'worden']);
/** Words that look like a participle but are infinitives or other words. */
const NOT_PARTICIPLES = new Set([
	'gegen', 'gehen', 'geben', 'gelten', 'gewinnen', 'genießen', 'gehören', 'gelingen', 'gestalten', 'gewähren', 'genehmigen', 'gebrauchen', 'gestehen', 'gewöhnen',
	'gefährden', 'gedenken', 'genügen', 'gewährleisten', 'gestatten', 'gelangen', 'gesamt', 'gerecht', 'genau', 'gestern', 'geheim', 'gesund', 'gemeinsam', 'gewiss',
	'bekannt', 'berühmt', 'beliebt', 'bereit', 'erst', 'selbst', 'meist', 'jetzt', 'best', 'unbekannt', 'verwandt', 'gewesen'
]);
const STRONG_PARTICIPLES = new Set([
	'entschieden', 'vergeben', 'beschrieben', 'verschoben', 'unterschrieben', 'verboten', 'besprochen', 'empfohlen', 'erhoben', 'erlassen', 'beschlossen', 'verschlossen',
	'betroffen', 'übernommen', 'unternommen', 'entnommen', 'beworben', 'erworben', 'verliehen', 'verwiesen', 'bewiesen', 'erwiesen', 'verlassen', 'vertrieben', 'entworfen',
	'verworfen', 'besungen', 'bezogen', 'vollzogen', 'verbunden', 'überwiesen', 'übertragen', 'vertreten', 'überschrieben', 'unterbrochen', 'verschwiegen', 'vergessen',
	'beantwortet', 'bestanden', 'verstanden', 'empfangen', 'erfahren', 'bekommen', 'verloren'
]);
const SEPARABLE = '(?:ab|an|auf|aus|bei|dar|durch|ein|fest|fort|frei|her|heraus|herein|hin|hinzu|los|mit|nach|nieder|vor|voran|vorbei|weg|weiter|wieder|zu|zurück|zusammen|statt|teil|bereit|bekannt|kennen|offen|sicher|vorab)';
const PARTICIPLE = new RegExp(`^(?:${SEPARABLE}?ge\\p{L}{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp|miss|über|unter|hinter|wider|voll)\\p{L}{2,}t|\\p{L}+iert)$`, 'u');

/** Whether a (lower-case) word is shaped like a past participle. */
export function looksLikeParticiple(word: string): boolean {
	if (!/^\p{Ll}/u.test(word)) return false;
	if (NOT_PARTICIPLES.has(word)) return false;
	return STRONG_PARTICIPLES.has(word) || PARTICIPLE.test(word);
}

/** Passive: a form of „werden“ and a past participle in the same sentence. */
export function findPassive(words: readonly Word[], sentences: readonly Sentence[]): Finding[] {
	const findings: Finding[] = [];
	for (const sentence of sentences) {
		const auxiliaries: number[] = [];
		for (let w = sentence.firstWord; w < sentence.endWord; w++) {
			const text = words[w].text;
			const first = text.charCodeAt(0);
			if ((first === 119 || first === 87) && text.length >= 4 && text.length <= 7 && WERDEN.has(text.toLowerCase())) auxiliaries.push(w);
		}
		if (!auxiliaries.length) continue;
		const participles: number[] = [];
		for (let w = sentence.firstWord; w < sentence.endWord; w++) if (!auxiliaries.includes(w) && looksLikeParticiple(words[w].text)) participles.push(w);
		if (!participles.length) continue;
		const used = new Set<number>();
		for (const aux of auxiliaries) {
			// „worden“ belongs to the passive already found with „wird/wurde … worden“.
			if (words[aux].text.toLowerCase() === 'worden' && auxiliaries.length > 1) continue;
			const after = participles.find((p) => p > aux && !used.has(p));
			const before = [...participles].reverse().find((p) => p < aux && !used.has(p));
			const participle = after ?? before;
			if (participle === undefined) continue;
			used.add(participle);
			const first = Math.min(aux, participle);
			const last = Math.max(aux, participle);
			const shown = last - first === 1 ? `${words[first].text} ${words[last].text}` : `${words[first].text} … ${words[last].text}`;
			findings.push({
				type: 'passive',
				start: words[first].start,
				end: words[last].end,
				message: `Passiv: ${quote(shown)}. Wer handelt, bleibt offen.`,
				suggestion: 'Sagen Sie, wer es tut: „Wir laden Sie ein“ statt „Sie werden eingeladen“.'
			});
		}
	}
	return findings;
}

/** Abbreviations everybody knows. */
const WELL_KNOWN = new Set(['EU', 'USA', 'OK', 'PDF', 'TV', 'CD', 'DVD', 'SMS', 'WC', 'WLAN', 'UN', 'PC', 'ICE', 'GmbH', 'AG', 'FAQ', 'URL', 'DIN', 'ZDF', 'ARD', 'WDR', 'NDR', 'MDR', 'BR', 'SWR']);
/** Expansions the suggestion can name. */
export const ABBREVIATION_EXPANSIONS: Record<string, string> = {
	ISEK: 'Integriertes Stadtentwicklungskonzept',
	INSEK: 'Integriertes Stadtentwicklungskonzept',
	ÖPNV: 'öffentlicher Nahverkehr (Bus und Bahn)',
	BauGB: 'Baugesetzbuch',
	BauNVO: 'Baunutzungsverordnung',
	DSGVO: 'Datenschutz-Grundverordnung',
	FNP: 'Flächennutzungsplan',
	VHS: 'Volkshochschule',
	QM: 'Quartiersmanagement',
	BNE: 'Bildung für nachhaltige Entwicklung',
	GWA: 'Gemeinwesenarbeit',
	StBauF: 'Städtebauförderung',
	KiTa: 'Kindertagesstätte',
	Kita: 'Kindertagesstätte',
	OB: 'Oberbürgermeisterin oder Oberbürgermeister',
	BBSR: 'Bundesinstitut für Bau-, Stadt- und Raumforschung',
	BMWSB: 'Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen'
};

const UPPER = /\p{Lu}/gu;
const VOWELS = /[AEIOUÄÖÜ]/g;
const isUpper = (code: number) =>
	code < 128 ? code >= 65 && code <= 90 : code <= 0xff ? code >= 0xc0 && code <= 0xde && code !== 0xd7 : String.fromCharCode(code) !== String.fromCharCode(code).toLowerCase();

/** Parts of a word between hyphens and apostrophes, with their offsets. */
function partsOf(word: Word): { text: string; start: number }[] {
	if (!/[-'’‐]/u.test(word.text)) return [{ text: word.text, start: word.start }];
	const parts: { text: string; start: number }[] = [];
	let offset = 0;
	for (const part of word.text.split(/[-'’‐]/u)) {
		parts.push({ text: part, start: word.start + offset });
		offset += part.length + 1;
	}
	return parts;
}

/** Abbreviations not explained at their first use (no „(…)“ right after it, and not in brackets after the long form). */
export function findAbbreviations(text: string, skip: ReadonlySet<string> = new Set(), words: readonly Word[] = findWords(text)): Finding[] {
	const seen = new Set<string>();
	const findings: Finding[] = [];
	for (const word of words) {
		// Cheap test first: at least two capitals.
		let capitals = 0;
		for (let i = 0; i < word.text.length && capitals < 2; i++) if (isUpper(word.text.charCodeAt(i))) capitals++;
		if (capitals < 2) continue;
		for (const part of partsOf(word)) {
			const token = part.text;
			if (token.length < 2 || token.length > 8 || !isUpper(token.charCodeAt(0))) continue;
			const letters = token.replace(/\p{N}/gu, '');
			const upper = token.match(UPPER)?.length ?? 0;
			if (upper < 2 || upper * 2 < letters.length) continue;
			const allUpper = upper === letters.length;
			if (allUpper && letters.length >= 5 && (letters.match(VOWELS)?.length ?? 0) >= 2 && !(token in ABBREVIATION_EXPANSIONS)) continue; // SHOUTING, not an abbreviation
			if (seen.has(token)) continue;
			seen.add(token);
			if (WELL_KNOWN.has(token) || skip.has(token)) continue;
			const start = part.start;
			const end = start + token.length;
			const after = text.slice(end, end + 3);
			const before = text.slice(Math.max(0, start - 2), start);
			if (/^\s*\(/u.test(after)) continue; // „ISEK (Integriertes Stadtentwicklungskonzept)“
			if (/\(\s*$/u.test(before) && /^\s*[),;]/u.test(after)) continue; // „Integriertes Stadtentwicklungskonzept (ISEK)“
			const expansion = ABBREVIATION_EXPANSIONS[token];
			findings.push({
				type: 'abbreviation',
				start,
				end,
				message: `Abkürzung ${quote(token)} wird nicht erklärt.`,
				suggestion: expansion
					? `Schreiben Sie beim ersten Mal: ${quote(`${expansion} (${token})`)}.`
					: `Schreiben Sie beim ersten Mal das ganze Wort und die Abkürzung in Klammern dahinter.`
			});
		}
	}
	return findings;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

interface TermMatcher {
	pattern: RegExp;
	byForm: Map<string, GlossaryTerm>;
	abbreviations: Set<string>;
}

const matchers = new WeakMap<readonly GlossaryTerm[], TermMatcher>();

function matcherFor(terms: readonly GlossaryTerm[]): TermMatcher | null {
	const known = matchers.get(terms);
	if (known) return known;
	const byForm = new Map<string, GlossaryTerm>();
	for (const term of terms)
		for (const form of formsOf(term)) {
			for (const variant of [form, capitalised(form)]) if (!byForm.has(variant)) byForm.set(variant, term);
		}
	if (!byForm.size) return null;
	const alternatives = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escape);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	const abbreviations = new Set([...byForm.keys()].filter((form) => /^\p{Lu}{2,}/u.test(form)));
	const matcher = { pattern, byForm, abbreviations };
	matchers.set(terms, matcher);
	return matcher;
}

/** The glossary's abbreviations (e.g. „ISEK“) — reported as jargon with their explanation, not again as abbreviations. */
export function termAbbreviations(terms: readonly GlossaryTerm[]): Set<string> {
	return matcherFor(terms)?.abbreviations ?? new Set();
}

/** Every occurrence of a term from the list, with its plain alternative as suggestion. */
export function findJargon(text: string, terms: readonly GlossaryTerm[]): Finding[] {
	const matcher = matcherFor(terms);
	if (!matcher) return [];
	const findings: Finding[] = [];
	for (const match of text.matchAll(matcher.pattern)) {
		const term = matcher.byForm.get(match[0]);
		if (!term) continue;
		findings.push({
			type: 'jargon',
			start: match.index,
			end: match.index + match[0].length,
			message: `Fachwort ${quote(match[0])}: Nicht alle kennen es.`,
			suggestion: term.agreed ? `Erklären Sie es, wie es im Glossar abgestimmt ist: ${term.plain}` : `Einfacher: ${term.plain}`
		});
	}
	return findings;
}

const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'niemand', 'niemandem', 'niemanden', 'nirgends', 'nirgendwo', 'weder']);
const GENITIVE_ARTICLES = new Set(['des', 'eines', 'keines', 'meines', 'deines', 'seines', 'ihres', 'unseres', 'eures', 'dieses', 'jenes', 'jedes']);
const SUBJUNCTIVE = new Set([
	'würde', 'würdest', 'würden', 'würdet', 'hätte', 'hättest', 'hätten', 'hättet', 'wäre', 'wärest', 'wärst', 'wären', 'wäret', 'wärt', 'könnte', 'könntest', 'könnten',
	'könntet', 'müsste', 'müsstest', 'müssten', 'müsstet', 'dürfte', 'dürftest', 'dürften', 'dürftet', 'sei', 'seien', 'seiest'
]);

/** The rules of Leichte Sprache: short sentences, no negation where avoidable, no genitive, no subjunctive. */
export function findLeichteSprache(words: readonly Word[], sentences: readonly Sentence[], longLimit = LONG_SENTENCE_WORDS): Finding[] {
	const findings: Finding[] = [];
	for (const sentence of sentences) {
		const count = sentence.endWord - sentence.firstWord;
		// Sentences over the general limit are reported as long sentences already.
		if (count > LEICHTE_SPRACHE_SENTENCE_WORDS && count <= longLimit)
			findings.push({
				type: 'leichte-sprache',
				start: sentence.start,
				end: sentence.end,
				message: `Leichte Sprache: ${count} Wörter in diesem Satz. Höchstens ${LEICHTE_SPRACHE_SENTENCE_WORDS}.`,
				suggestion: 'Schreiben Sie einen kurzen Satz für jede Aussage.'
			});
	}
	for (let w = 0; w < words.length; w++) {
		const word = words[w];
		const lower = word.text.toLowerCase();
		if (NEGATIONS.has(lower))
			findings.push({
				type: 'leichte-sprache',
				start: word.start,
				end: word.end,
				message: `Leichte Sprache: Verneinung ${quote(word.text)}.`,
				suggestion: 'Sagen Sie es positiv, wo es geht: „Bitte kommen Sie pünktlich“ statt „Kommen Sie nicht zu spät“.'
			});
		else if (SUBJUNCTIVE.has(lower))
			findings.push({
				type: 'leichte-sprache',
				start: word.start,
				end: word.end,
				message: `Leichte Sprache: Möglichkeitsform ${quote(word.text)}.`,
				suggestion: 'Schreiben Sie, was ist: „wird“, „kann“ oder „ist“.'
			});
		else if (GENITIVE_ARTICLES.has(lower) && w + 1 < words.length) {
			const next = words[w + 1];
			const between = next.start - word.end;
			if (between <= 2 && /^\p{Lu}\p{L}*e?s$/u.test(next.text))
				findings.push({
					type: 'leichte-sprache',
					start: word.start,
					end: next.end,
					message: `Leichte Sprache: Genitiv ${quote(`${word.text} ${next.text}`)}.`,
					suggestion: 'Schreiben Sie mit „von“: „das Haus von dem Verein“ statt „das Haus des Vereins“.'
				});
		}
	}
	return findings;
}
