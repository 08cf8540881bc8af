/*
 * Inflected forms of German nouns and noun compounds, so that a glossary term is found as
 * "Bebauungspläne", "Bebauungsplänen" and "Bebauungsplans". The head of a compound is its last
 * part, so a rule for "…plan" serves every plan. The rules cover the endings a municipal glossary
 * needs (plural, dative plural, genitive singular); organisers can edit the generated forms, and
 * matching also compares Snowball stems (match.ts), so a form missing here is usually found anyway.
 */

interface HeadRule {
	/** Lower-case ending of the term's last word. */
	ending: string;
	/** Endings replacing `ending` (the first one is the plural). */
	forms: string[];
}

/** Heads whose plural changes the vowel or is irregular; longest ending wins. */
const HEADS: HeadRule[] = [
	{ ending: 'plan', forms: ['pläne', 'plänen', 'plans', 'planes'] },
	{ ending: 'platz', forms: ['plätze', 'plätzen', 'platzes'] },
	{ ending: 'raum', forms: ['räume', 'räumen', 'raums', 'raumes'] },
	{ ending: 'rat', forms: ['räte', 'räten', 'rats', 'rates'] },
	{ ending: 'haus', forms: ['häuser', 'häusern', 'hauses'] },
	{ ending: 'hof', forms: ['höfe', 'höfen', 'hofs', 'hofes'] },
	{ ending: 'markt', forms: ['märkte', 'märkten', 'markts', 'marktes'] },
	{ ending: 'antrag', forms: ['anträge', 'anträgen', 'antrags', 'antrages'] },
	{ ending: 'vertrag', forms: ['verträge', 'verträgen', 'vertrags', 'vertrages'] },
	{ ending: 'beschluss', forms: ['beschlüsse', 'beschlüssen', 'beschlusses'] },
	{ ending: 'fluss', forms: ['flüsse', 'flüssen', 'flusses'] },
	{ ending: 'zuschuss', forms: ['zuschüsse', 'zuschüssen', 'zuschusses'] },
	{ ending: 'stadt', forms: ['städte', 'städten'] },
	{ ending: 'wand', forms: ['wände', 'wänden'] },
	{ ending: 'fonds', forms: [] },
	{ ending: 'gesetz', forms: ['gesetze', 'gesetzen', 'gesetzes'] },
	{ ending: 'recht', forms: ['rechte', 'rechten', 'rechts', 'rechtes'] },
	{ ending: 'gebiet', forms: ['gebiete', 'gebieten', 'gebiets', 'gebietes'] },
	{ ending: 'konzept', forms: ['konzepte', 'konzepten', 'konzepts', 'konzeptes'] },
	{ ending: 'projekt', forms: ['projekte', 'projekten', 'projekts', 'projektes'] },
	{ ending: 'verfahren', forms: ['verfahrens'] },
	{ ending: 'programm', forms: ['programme', 'programmen', 'programms'] },
	{ ending: 'wohl', forms: ['wohls', 'wohles'] },
	{ ending: 'gut', forms: ['güter', 'gütern', 'guts', 'gutes'] },
	{ ending: 'amt', forms: ['ämter', 'ämtern', 'amts', 'amtes'] },
	{ ending: 'feld', forms: ['felder', 'feldern', 'felds', 'feldes'] },
	{ ending: 'bild', forms: ['bilder', 'bildern', 'bilds', 'bildes'] },
	{ ending: 'mittel', forms: ['mitteln', 'mittels'] },
	{ ending: 'labor', forms: ['labore', 'laboren', 'labors'] },
	{ ending: 'ort', forms: ['orte', 'orten', 'orts', 'ortes'] },
	{ ending: 'ment', forms: ['ments'] },
	{ ending: 'nis', forms: ['nisse', 'nissen', 'nisses'] },
	{ ending: 'in', forms: ['innen'] },
	{ ending: 'ung', forms: ['ungen'] },
	{ ending: 'heit', forms: ['heiten'] },
	{ ending: 'keit', forms: ['keiten'] },
	{ ending: 'schaft', forms: ['schaften'] },
	{ ending: 'ion', forms: ['ionen'] },
	{ ending: 'tät', forms: ['täten'] },
	{ ending: 'ik', forms: ['iken'] },
	{ ending: 'ur', forms: ['uren'] },
	{ ending: 'e', forms: ['en'] },
	{ ending: 'er', forms: ['ern', 'ers'] },
	{ ending: 'el', forms: ['eln', 'els'] },
	{ ending: 'en', forms: ['ens'] },
	{ ending: 'um', forms: ['en', 'ums'] }
].sort((a, b) => b.ending.length - a.ending.length);

/** Gender forms ("Stadtmacher*innen") and terms with brackets are left as they are. */
const UNTOUCHED = /[*:_()]/;

/** Endings of a head no rule knows: genitive -s, plural -e, dative plural -en (editable where wrong). */
const DEFAULT_ENDINGS = ['s', 'e', 'en'];

/**
 * The inflected forms of a term (not the term itself): "Bebauungsplan" → Bebauungspläne,
 * Bebauungsplänen, Bebauungsplans, Bebauungsplanes. Multi-word terms inflect their last word
 * ("Integriertes Stadtentwicklungskonzept" → … Stadtentwicklungskonzepte); adjectives before it are
 * left to the stem comparison of the matcher. Abbreviations get a genitive/plural -s ("ISEKs").
 */
export function generateForms(term: string): string[] {
	const trimmed = term.trim().replace(/\s+/g, ' ');
	if (!trimmed || UNTOUCHED.test(trimmed)) return [];
	const space = trimmed.lastIndexOf(' ');
	const before = space < 0 ? '' : trimmed.slice(0, space + 1);
	const last = trimmed.slice(space + 1);
	if (!/^\p{L}+$/u.test(last)) return [];
	let forms: string[];
	if (last.length <= 6 && last.length > 1 && last === last.toUpperCase()) forms = [`${last}s`];
	else {
		const lower = last.toLowerCase();
		const rule = HEADS.find((candidate) => lower.endsWith(candidate.ending) && lower.length > candidate.ending.length);
		if (rule) forms = rule.forms.map((ending) => last.slice(0, last.length - rule.ending.length) + ending);
		else if (/[aeiouy]$/i.test(last)) forms = [`${last}s`];
		else forms = DEFAULT_ENDINGS.map((ending) => last + ending);
	}
	return unique(
		forms.map((form) => before + form),
		trimmed
	);
}

function unique(forms: string[], term: string): string[] {
	const seen = new Set([term.toLowerCase()]);
	return forms.filter((form) => {
		const key = form.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
