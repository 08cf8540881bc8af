/**
 * Readability scores for German texts from the counts of a text.
 *
 * - **Flesch-Lesbarkeitsindex nach Amstad** (Amstad 1978): FLESCH = 180 − ASL − 58,5 × ASW, with
 *   ASL = Wörter ÷ Sätze and ASW = Silben ÷ Wörter. 0–100; higher is easier.
 * - **Wiener Sachtextformel 1–4** (Bamberger & Vanecek 1984), with MS = Prozent der Wörter mit drei
 *   oder mehr Silben, SL = Wörter ÷ Sätze, IW = Prozent der Wörter mit mehr als sechs Buchstaben,
 *   ES = Prozent der einsilbigen Wörter:
 *   WSTF1 = 0,1935 × MS + 0,1672 × SL + 0,1297 × IW − 0,0327 × ES − 0,875;
 *   WSTF2 = 0,2007 × MS + 0,1682 × SL + 0,1373 × IW − 2,779;
 *   WSTF3 = 0,2963 × MS + 0,1905 × SL − 1,1144;
 *   WSTF4 = 0,2744 × MS + 0,2656 × SL − 1,693.
 *   The result is a school year (4 = very easy, 15 = very hard); higher is harder.
 * - **LIX** (Björnsson 1968): Wörter ÷ Sätze + 100 × lange Wörter ÷ Wörter, a long word having more
 *   than six letters. Higher is harder.
 * - **gSmog** (Bamberger & Vanecek 1984): √(Wörter mit drei oder mehr Silben × 30 ÷ Sätze) − 2,
 *   a school year. Higher is harder.
 */

export interface Counts {
	sentences: number;
	words: number;
	syllables: number;
	/** Words with more than six letters. */
	longWords: number;
	/** Words with three or more syllables. */
	polysyllables: number;
	/** Words with one syllable. */
	monosyllables: number;
}

export type ScoreKey = 'fleschAmstad' | 'wstf1' | 'wstf2' | 'wstf3' | 'wstf4' | 'lix' | 'gsmog';
export const SCORE_KEYS: readonly ScoreKey[] = ['fleschAmstad', 'wstf1', 'wstf2', 'wstf3', 'wstf4', 'lix', 'gsmog'];

/** Every score, or null for a text without words. Rounded to one decimal. */
export type Scores = Record<ScoreKey, number | null>;

/** 1 = sehr leicht … 7 = sehr schwer verständlich. */
export type BandLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Band {
	level: BandLevel;
	label: string;
}

export const BAND_LABELS: Record<BandLevel, string> = {
	1: 'sehr leicht verständlich',
	2: 'leicht verständlich',
	3: 'ziemlich leicht verständlich',
	4: 'für die meisten verständlich',
	5: 'ziemlich schwer verständlich',
	6: 'schwer verständlich',
	7: 'sehr schwer verständlich'
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The scores of a text with these counts; every score null when there are no words. */
export function computeScores(counts: Counts): Scores {
	const { words, sentences } = counts;
	if (words === 0 || sentences === 0) return { fleschAmstad: null, wstf1: null, wstf2: null, wstf3: null, wstf4: null, lix: null, gsmog: null };
	const asl = words / sentences;
	const asw = counts.syllables / words;
	const ms = (100 * counts.polysyllables) / words;
	const iw = (100 * counts.longWords) / words;
	const es = (100 * counts.monosyllables) / words;
	return {
		fleschAmstad: round1(180 - asl - 58.5 * asw),
		wstf1: round1(0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875),
		wstf2: round1(0.2007 * ms + 0.1682 * asl + 0.1373 * iw - 2.779),
		wstf3: round1(0.2963 * ms + 0.1905 * asl - 1.1144),
		wstf4: round1(0.2744 * ms + 0.2656 * asl - 1.693),
		lix: round1(asl + iw),
		gsmog: round1(Math.sqrt((counts.polysyllables * 30) / sentences) - 2)
	};
}

/** Lower limits of the bands 1, 2, 3, … (Flesch: higher is easier) or upper limits (the others: higher is harder). */
const BAND_LIMITS: Record<'flesch' | 'grade' | 'lix', { limits: number[]; levels: BandLevel[] }> = {
	/** Amstad: ab 90 sehr leicht, ab 80 leicht, ab 70 ziemlich leicht, ab 60 mittel, ab 50 ziemlich schwer, ab 30 schwer, darunter sehr schwer. */
	flesch: { limits: [90, 80, 70, 60, 50, 30], levels: [1, 2, 3, 4, 5, 6, 7] },
	/** School years (Wiener Sachtextformel, gSmog): bis 5 sehr leicht, 6 leicht, 7 ziemlich leicht, 8–9 mittel, 10–11 ziemlich schwer, 12–13 schwer, darüber sehr schwer. */
	grade: { limits: [5.5, 6.5, 7.5, 9.5, 11.5, 13.5], levels: [1, 2, 3, 4, 5, 6, 7] },
	/** LIX (Björnsson): unter 25 sehr leicht, unter 35 leicht, unter 45 mittel, unter 55 schwer, darüber sehr schwer. */
	lix: { limits: [25, 35, 45, 55], levels: [1, 2, 4, 6, 7] }
};

function levelOf(scale: keyof typeof BAND_LIMITS, value: number): BandLevel {
	const { limits, levels } = BAND_LIMITS[scale];
	const index = scale === 'flesch' ? limits.findIndex((limit) => value >= limit) : limits.findIndex((limit) => value < limit);
	return levels[index === -1 ? limits.length : index];
}

/** The band of one score in plain German, or null without a value. */
export function bandOf(key: ScoreKey, value: number | null): Band | null {
	if (value === null) return null;
	const level = levelOf(key === 'fleschAmstad' ? 'flesch' : key === 'lix' ? 'lix' : 'grade', value);
	return { level, label: BAND_LABELS[level] };
}

export function bandsOf(scores: Scores): Record<ScoreKey, Band | null> {
	return Object.fromEntries(SCORE_KEYS.map((key) => [key, bandOf(key, scores[key])])) as Record<ScoreKey, Band | null>;
}

export interface ScoreDefinition {
	key: ScoreKey;
	name: string;
	source: string;
	formula: string;
	direction: string;
	bands: string;
}

/** What the page shows about each score. */
export const SCORE_DEFINITIONS: readonly ScoreDefinition[] = [
	{
		key: 'fleschAmstad',
		name: 'Flesch-Lesbarkeitsindex (Amstad)',
		source: 'Amstad 1978, deutsche Anpassung der Formel von Flesch',
		formula: '180 − Wörter je Satz − 58,5 × Silben je Wort',
		direction: 'Je höher, desto leichter (0 bis 100).',
		bands: 'ab 90 sehr leicht, ab 80 leicht, ab 70 ziemlich leicht, ab 60 mittel, ab 50 ziemlich schwer, ab 30 schwer, darunter sehr schwer'
	},
	{
		key: 'wstf1',
		name: 'Wiener Sachtextformel 1',
		source: 'Bamberger & Vanecek 1984',
		formula: '0,1935 × MS + 0,1672 × SL + 0,1297 × IW − 0,0327 × ES − 0,875',
		direction: 'Schuljahr, für das der Text passt (4 bis 15); je höher, desto schwerer.',
		bands: 'bis 5 sehr leicht, 6 leicht, 7 ziemlich leicht, 8–9 mittel, 10–11 ziemlich schwer, 12–13 schwer, ab 14 sehr schwer'
	},
	{
		key: 'wstf2',
		name: 'Wiener Sachtextformel 2',
		source: 'Bamberger & Vanecek 1984',
		formula: '0,2007 × MS + 0,1682 × SL + 0,1373 × IW − 2,779',
		direction: 'Schuljahr; je höher, desto schwerer.',
		bands: 'wie Formel 1'
	},
	{
		key: 'wstf3',
		name: 'Wiener Sachtextformel 3',
		source: 'Bamberger & Vanecek 1984',
		formula: '0,2963 × MS + 0,1905 × SL − 1,1144',
		direction: 'Schuljahr; je höher, desto schwerer.',
		bands: 'wie Formel 1'
	},
	{
		key: 'wstf4',
		name: 'Wiener Sachtextformel 4',
		source: 'Bamberger & Vanecek 1984',
		formula: '0,2744 × MS + 0,2656 × SL − 1,693',
		direction: 'Schuljahr; je höher, desto schwerer.',
		bands: 'wie Formel 1'
	},
	{
		key: 'lix',
		name: 'Lesbarkeitsindex LIX',
		source: 'Björnsson 1968',
		formula: 'Wörter je Satz + 100 × lange Wörter ÷ Wörter',
		direction: 'Je höher, desto schwerer.',
		bands: 'unter 25 sehr leicht, unter 35 leicht, unter 45 mittel, unter 55 schwer, darüber sehr schwer'
	},
	{
		key: 'gsmog',
		name: 'gSmog',
		source: 'Bamberger & Vanecek 1984, deutsche Fassung von SMOG',
		formula: '√(Wörter mit drei oder mehr Silben × 30 ÷ Sätze) − 2',
		direction: 'Schuljahr; je höher, desto schwerer.',
		bands: 'wie Wiener Sachtextformel'
	}
];

/** The counting rules, as shown beside the scores. */
export const COUNTING_RULES: readonly { term: string; rule: string }[] = [
	{ term: 'Wort', rule: 'Buchstaben, Ziffern, Bindestriche und Apostrophe ohne Leerzeichen, mit mindestens einem Buchstaben. „Bürger-Dialog“ ist ein Wort, „z. B.“ sind zwei, Zahlen wie „2026“ zählen nicht.' },
	{ term: 'Satz', rule: 'Endet mit „.“, „!“, „?“ oder „…“ vor einem neuen Satz, an einer Leerzeile oder vor einem Listenpunkt. Kein Satzende sind Punkte in Abkürzungen („z. B.“, „d. h.“, „Nr.“, „Abs.“, „Dr.“, „ca.“, „usw.“, „bzw.“), in Daten („12.03.2026“) und nach Ordnungszahlen („12. März“, „den 66. Club“).' },
	{ term: 'Silbe', rule: 'Jede Silbe hat einen Vokalkern. „ei“, „ai“, „au“, „eu“, „äu“, „ie“, „aa“, „ee“, „oo“, „eau“ und „ieu“ am Wortende (Mi-lieu) sind ein Kern; andere Vokalfolgen zwei (Ko-a-li-ti-on, Mu-se-um, The-a-ter, Bau-er, Che-mie-un-fall), „ie“ auch in Endungen wie -i-en, -i-ent, -i-ell (Fe-ri-en, Pa-ti-ent, of-fi-zi-ell). Fremdwörter wie „online“ oder „Team“ zählen nach einer Liste.' },
	{ term: 'Langes Wort', rule: 'Mehr als sechs Buchstaben (für LIX und Wiener Sachtextformel).' },
	{ term: 'Mehrsilbiges Wort', rule: 'Drei oder mehr Silben (MS in der Wiener Sachtextformel, gSmog).' },
	{ term: 'MS, SL, IW, ES', rule: 'MS: Prozent Wörter mit drei oder mehr Silben; SL: Wörter je Satz; IW: Prozent Wörter mit mehr als sechs Buchstaben; ES: Prozent einsilbige Wörter.' }
];
