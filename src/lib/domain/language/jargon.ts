/**
 * Words of the administration with a plain alternative. The glossary passes its agreed entries as
 * `GlossaryTerm`s; until then, and for words no glossary has, a small built-in list applies.
 */

/** One term the check looks for: every form as written in a text, and what to say instead. */
export interface GlossaryTerm {
	/** The term as the administration uses it, e.g. „Bebauungsplan“. */
	term: string;
	/** Every form to find, e.g. ["Bebauungsplan", "Bebauungsplans", "Bebauungspläne"]; the term itself is always included. */
	forms: readonly string[];
	/** The plain alternative or a short explanation. */
	plain: string;
	/** An entry the organisation's glossary marks as agreed: its explanation is the one to use. */
	agreed?: boolean;
}

/** Common words of administrative German with plainer alternatives. */
export const BUILT_IN_JARGON: readonly GlossaryTerm[] = [
	{ term: 'beziehungsweise', forms: ['bzw.'], plain: '„oder“ oder „und“' },
	{ term: 'gegebenenfalls', forms: ['ggf.'], plain: '„wenn nötig“' },
	{ term: 'hinsichtlich', forms: [], plain: '„zu“, „über“ oder „bei“' },
	{ term: 'bezüglich', forms: ['bzgl.'], plain: '„zu“ oder „über“' },
	{ term: 'seitens', forms: [], plain: '„von“' },
	{ term: 'mittels', forms: [], plain: '„mit“' },
	{ term: 'zwecks', forms: [], plain: '„für“ oder „um … zu“' },
	{ term: 'betreffend', forms: ['betreffs'], plain: '„zu“ oder „über“' },
	{ term: 'unverzüglich', forms: [], plain: '„sofort“' },
	{ term: 'fristgerecht', forms: ['fristgemäß'], plain: '„rechtzeitig“ oder „bis zum …“' },
	{ term: 'erforderlich', forms: ['erforderliche', 'erforderlichen', 'erforderlicher', 'erforderliches'], plain: '„nötig“' },
	{ term: 'beabsichtigen', forms: ['beabsichtigt', 'beabsichtigte', 'beabsichtigten'], plain: '„wollen“ oder „planen“' },
	{ term: 'obliegen', forms: ['obliegt'], plain: '„ist zuständig für“ oder „muss“' },
	{ term: 'Inanspruchnahme', forms: [], plain: '„Nutzung“' },
	{ term: 'Kenntnisnahme', forms: [], plain: '„zum Lesen“ oder „zur Information“' },
	{ term: 'Antragsteller', forms: ['Antragstellerin', 'Antragstellerinnen', 'Antragstellende', 'Antragstellenden', 'Antragstellers'], plain: '„wer den Antrag stellt“ oder „Sie“' },
	{ term: 'Zuwendung', forms: ['Zuwendungen'], plain: '„Fördergeld“' },
	{ term: 'Zuwendungsempfänger', forms: ['Zuwendungsempfängerin', 'Zuwendungsempfängern', 'Zuwendungsempfangende'], plain: '„wer das Fördergeld bekommt“' },
	{ term: 'Liegenschaft', forms: ['Liegenschaften'], plain: '„Grundstück“ oder „Gebäude“' },
	{ term: 'Entgelt', forms: ['Entgelte', 'Entgelts'], plain: '„Preis“ oder „Gebühr“' },
	{ term: 'Vorhaben', forms: ['Vorhabens'], plain: '„Projekt“ oder „Plan“' },
	{ term: 'Verwaltungsakt', forms: ['Verwaltungsakte', 'Verwaltungsakts', 'Verwaltungsaktes'], plain: '„Bescheid“ (eine Entscheidung des Amts)' },
	{ term: 'Bescheid', forms: ['Bescheids', 'Bescheides', 'Bescheide'], plain: '„Brief mit der Entscheidung des Amts“' },
	{ term: 'Anhörung', forms: ['Anhörungen'], plain: '„Gespräch, in dem Sie Ihre Meinung sagen können“' },
	{ term: 'Beteiligungsverfahren', forms: ['Beteiligungsverfahrens'], plain: '„Beteiligung“ oder „Mitreden“' },
	{ term: 'Bebauungsplan', forms: ['Bebauungsplans', 'Bebauungsplanes', 'Bebauungspläne', 'Bebauungsplänen'], plain: '„Plan, was und wie auf einem Grundstück gebaut werden darf“' },
	{ term: 'Flächennutzungsplan', forms: ['Flächennutzungsplans', 'Flächennutzungspläne'], plain: '„Plan, wofür die Flächen der ganzen Stadt genutzt werden sollen“' },
	{ term: 'Städtebauförderung', forms: [], plain: '„Geld von Bund und Land für den Umbau von Stadtteilen“' },
	{ term: 'Verfügungsfonds', forms: [], plain: '„Geld, über das die Menschen im Stadtteil selbst entscheiden“' },
	{ term: 'Sondernutzungserlaubnis', forms: ['Sondernutzungserlaubnisse'], plain: '„Erlaubnis, eine Straße oder einen Platz für etwas Besonderes zu nutzen“' },
	{ term: 'Zwischennutzung', forms: ['Zwischennutzungen'], plain: '„Nutzung auf Zeit, bis ein Gebäude oder eine Fläche wieder gebraucht wird“' },
	{ term: 'Konzeptvergabe', forms: ['Konzeptvergaben'], plain: '„Vergabe eines Grundstücks an die beste Idee statt an das höchste Gebot“' },
	{ term: 'Erbbaurecht', forms: ['Erbbaurechts', 'Erbbaurechte'], plain: '„Recht, auf fremdem Grund für lange Zeit zu bauen“' },
	{ term: 'Vorkaufsrecht', forms: ['Vorkaufsrechts', 'Vorkaufsrechte'], plain: '„Recht der Stadt, ein Grundstück vor anderen zu kaufen“' },
	{ term: 'Sanierungsgebiet', forms: ['Sanierungsgebiets', 'Sanierungsgebiete', 'Sanierungsgebieten'], plain: '„Stadtteil, der mit Fördergeld erneuert wird“' }
];

/** All forms of a term: the term itself plus its listed forms, without duplicates. */
export function formsOf(term: GlossaryTerm): string[] {
	return [...new Set([term.term, ...term.forms].map((form) => form.trim()).filter(Boolean))];
}

/**
 * The terms to look for: the glossary's terms first; built-in terms only where no glossary term
 * has the same name (case-insensitive).
 */
export function mergeTerms(glossary: readonly GlossaryTerm[], builtIn: readonly GlossaryTerm[] = BUILT_IN_JARGON): GlossaryTerm[] {
	const known = new Set(glossary.map((entry) => entry.term.toLowerCase()));
	return [...glossary, ...builtIn.filter((entry) => !known.has(entry.term.toLowerCase()))];
}
