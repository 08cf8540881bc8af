/**
 * German syllable counting by rules (not by hyphenation patterns, which never split off a single
 * vowel and so count „Ko-a-li-ti-on“ as three).
 *
 * Every syllable has one vowel nucleus. The word's letters are read left to right; a run of vowels
 * (a, e, i, o, u, ä, ö, ü, y and accented vowels) is split into nuclei:
 * - one nucleus: the diphthongs „ei“, „ai“, „ey“, „ay“, „au“, „eu“, „äu“, the long „ie“, the doubled
 *   vowels „aa“, „ee“, „oo“, and the French spellings „eau“ (Ni-veau), „ieu“ (Mi-lieu), „ou“ (Tour);
 * - every other pair is two nuclei: „oa“ (Ko-a-li-ti-on), „ea“ (The-a-ter), „eo“ (The-o-rie),
 *   „io“ (Na-ti-on), „ia“ (Ma-te-ri-al), „ua“ (Si-tu-a-ti-on), „oe“ (Po-e-sie), „ue“ (ak-tu-ell),
 *   „iu“ (Stu-di-um); a vowel after a diphthong starts a new syllable (Bau-er, Fei-er, Ei-er);
 * - „h“ after a vowel only marks length (Fahrt, Ruhe = Ru-he): it is a consonant between syllables;
 * - „u“ after „q“ is no vowel (Quel-le);
 * - „eum“/„äum“ at the end of a word after another syllable is two nuclei (Mu-se-um, Ju-bi-lä-um),
 *   „ien“ at the end after another syllable, too (Fe-ri-en, Ka-te-go-ri-en — but „Wien“ one);
 *   „een“ at the end is „ee“ + „en“ (I-de-en); „ient“ is „i-ent“ (Pa-ti-ent); „iell“ at the end is „i-ell“
 *   (of-fi-zi-ell); „ieu“ before a consonant is „ie“ + „u“ (Che-mie-un-fall); „koo“ at the start
 *   is „ko-o“ (Ko-o-pe-ra-ti-on); „be“/„ge“ before „e“ + consonant is a prefix (be-en-den, ge-ehrt).
 * - Loanwords whose spelling hides their syllables („online“, „Team“, „Coaching“, „Familie“) come
 *   from a list of exceptions that also applies inside compounds (Online-Befragung, Teamarbeit).
 */

const VOWEL = /[aeiouyäöüéèêáàâíìîóòôúùû]/;

/** One nucleus although two (or three) vowels. */
const ONE_NUCLEUS = ['eau', 'ieu', 'ei', 'ai', 'ey', 'ay', 'au', 'eu', 'äu', 'ie', 'aa', 'ee', 'oo', 'ou'];

/**
 * Loanwords and words whose spelling does not show their syllables, with their syllable count
 * (Duden / Wiktionary hyphenation). They also count inside compounds.
 */
export const SYLLABLE_EXCEPTIONS: Record<string, number> = {
	online: 2,
	offline: 2,
	team: 1,
	coach: 1,
	coaching: 2,
	service: 2,
	update: 2,
	software: 2,
	hardware: 2,
	homepage: 2,
	website: 2,
	timeline: 2,
	livestream: 2,
	headline: 2,
	deadline: 2,
	pipeline: 2,
	image: 2,
	manager: 3,
	management: 3,
	'e-mail': 2,
	email: 2,
	mail: 1,
	mails: 1,
	like: 1,
	social: 2,
	media: 3,
	open: 2,
	space: 1,
	design: 2,
	people: 2,
	game: 1,
	smartphone: 2,
	phone: 1,
	chance: 2,
	chancen: 2,
	niveau: 2,
	milieu: 2,
	familie: 4,
	familien: 4,
	linie: 3,
	linien: 3,
	aktie: 3,
	serie: 3,
	materie: 3,
	lilie: 3,
	petersilie: 5,
	hierarchie: 4,
	hygiene: 4,
	ambiente: 4,
	orient: 3,
	goethe: 2,
	pfui: 1,
	knie: 1,
	knien: 2,
	naiv: 2,
	mosaik: 3,
	toast: 1,
	toilette: 3,
	requiem: 3,
	reliquie: 4,
	beet: 1,
	beere: 2,
	beeren: 2
};

const EXCEPTION_KEYS = Object.keys(SYLLABLE_EXCEPTIONS).sort((a, b) => b.length - a.length);
const EXCEPTION_PATTERN = new RegExp(EXCEPTION_KEYS.map((k) => k.replace(/[-]/g, '\\-')).join('|'), 'g');

/** Syllables of a vowel-and-consonant string without exceptions. */
function countByRules(word: string): number {
	let count = 0;
	const w = word;
	const n = w.length;
	let i = 0;
	let nucleiBefore = 0;
	while (i < n) {
		if (!VOWEL.test(w[i]) || (w[i] === 'u' && i > 0 && w[i - 1] === 'q')) {
			i++;
			continue;
		}
		// A run of vowels from i to j.
		let j = i;
		while (j < n && VOWEL.test(w[j])) j++;
		const run = w.slice(i, j);
		const after = w.slice(j);
		count += nucleiOfRun(run, after, i, nucleiBefore, w);
		nucleiBefore = count;
		i = j;
	}
	return count;
}

function nucleiOfRun(run: string, after: string, at: number, nucleiBefore: number, word: string): number {
	if (run.length === 1) return 1;
	// Special endings and prefixes that split a pair which is otherwise one nucleus.
	if (nucleiBefore > 0 && (run === 'eu' || run === 'äu') && /^ms?$/.test(after)) return 2; // Mu-se-um, Ju-bi-lä-ums
	if (nucleiBefore > 0 && run === 'ie' && /^ns?$/.test(after) && word.slice(at - 3, at) !== 'sch') return 2; // Fe-ri-en, Tsche-chi-en, but er-schien
	if (run === 'ie' && /^nt/.test(after) && /[tlprz]/.test(word[at - 1] ?? '')) return 2; // Pa-ti-ent, Kli-ent, A-bi-tu-ri-ent, ef-fi-zi-ent, but dient
	if (run === 'ie' && /^ll(e[mnrs]?|erin(nen)?|ers)?$/.test(after)) return 2; // bak-te-ri-ell, of-fi-zi-el-le, ze-re-mo-ni-el-le-rin, but viel-leicht, Spiel-lei-ter
	if (run === 'ieu' && after !== '' && !/^[sx]$/.test(after)) return 2; // Che-mie-un-fall, En-er-gie-um-wand-lung; Mi-lieu(s) stays one
	if (run === 'ee' && /^ns?$/.test(after) && nucleiBefore > 0) return 2; // I-de-en, Mu-se-en
	if (run === 'oo' && at === 1 && word[0] === 'k') return 2; // Ko-o-pe-ra-ti-on, ko-or-di-nie-ren
	if (run === 'ee' && at === 1 && (word[0] === 'b' || word[0] === 'g') && after.length > 0 && !VOWEL.test(after[0]) && nucleiBefore === 0 && word.length > 5) return 2; // be-en-den, ge-ehrt
	let count = 0;
	let k = 0;
	while (k < run.length) {
		const match = ONE_NUCLEUS.find((group) => run.startsWith(group, k));
		k += match ? match.length : 1;
		count++;
	}
	return count;
}

const cache = new Map<string, number>();

/** Number of syllables of one German word (at least 1 for a word with letters). */
export function countSyllables(word: string): number {
	const seen = cache.get(word);
	if (seen !== undefined) return seen;
	const key = word.toLowerCase();
	const known = cache.get(key);
	if (known !== undefined) {
		cache.set(word, known);
		return known;
	}
	let total = 0;
	// „y“ before a vowel is a consonant (Lo-ya-li-tät, Yo-ga).
	let rest = key.replace(/[’']/g, '').replace(/y(?=[aeiouäöü])/g, 'j');
	// Exceptions, also inside compounds.
	rest = rest.replace(EXCEPTION_PATTERN, (found) => {
		total += SYLLABLE_EXCEPTIONS[found];
		return '-';
	});
	for (const part of rest.split(/[^\p{L}]+/u)) if (part) total += countByRules(part);
	const result = Math.max(1, total);
	if (cache.size > 50_000) cache.clear();
	cache.set(key, result);
	cache.set(word, result);
	return result;
}

/** Forgets the counted words (for benchmarks that measure a cold start). */
export function clearSyllableCache(): void {
	cache.clear();
}
