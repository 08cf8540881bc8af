/*
 * "Was hat sich verändert?" — a follow-up study compared with an earlier (base) study, per
 * competence (matched by code: the follow-up may use a later framework version), measure and
 * group, with the test for two independent samples (the participants of two studies are not
 * linked): Mann–Whitney U and Cliff's delta from the histograms.
 *
 * Anonymity. Both sides are StudyResults, i.e. each study's round already passed the one
 * suppression function (and its complement rule) on its own. A cell is compared only when it is
 * visible in BOTH studies; otherwise it shows nothing but `suppressed: true`. The "all groups"
 * figures are each study's own published "all" cell, never a sum of visible groups, so no figure
 * here is a sum or difference that the two published result tables do not already show.
 */
import { ALL_GROUPS } from '../anonymity/cells';
import { compareTwoSamples } from '../statistics/two-samples';
import type { EffectMagnitude } from '../statistics/disagreement';
import type { InstrumentKind } from '../framework/model';
import { formatDecimal, formatPValue } from '../../format/numbers';
import type { Locale } from '../../i18n';
import type { CellResult, ItemResult, StudyResults } from './study-results';

export { ALL_GROUPS };

/** Below this two-sided p a difference counts as statistically supported in the sentence. */
export const COMPARISON_ALPHA = 0.05;

interface Labelled {
	key: string;
	label: string;
}

/** One study as the comparison reads it: its protected results plus the texts it needs. */
export interface ComparisonSide {
	id: string;
	title: string;
	results: StudyResults;
	horizons: readonly Labelled[];
	/** The study's competences in questionnaire order, with their titles in the reader's language. */
	competences: readonly { code: string; title: string }[];
	/** Competence study or self-check (both sides share it); absent = competences. */
	instrument?: InstrumentKind;
}

export interface ComparedFigures {
	/** Ratings 1–5 ("don't know" excluded) and their mean, base study and follow-up. */
	nBefore: number;
	nAfter: number;
	meanBefore: number | null;
	meanAfter: number | null;
	/** meanAfter − meanBefore. */
	change: number | null;
	/** Mann–Whitney U of the follow-up against the base study, normal approximation; null when a side has no ratings. */
	test: { u: number; z: number; pValue: number } | null;
	/** Cliff's delta P(after > before) − P(after < before); null when a side has no ratings. */
	delta: number | null;
	magnitude: EffectMagnitude | null;
	/** vernachlässigbar / klein / mittel / groß (English: negligible … large). */
	sizeWord: string | null;
}

export type ComparisonCell = { group: string; suppressed: true } | ({ group: string; suppressed: false; sentence: string } & ComparedFigures);

export interface ComparisonItem {
	competence: string;
	title: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	/** The groups of both studies (follow-up order), then ALL_GROUPS. */
	cells: ComparisonCell[];
}

export interface StudyComparison {
	base: { id: string; title: string; round: number };
	followUp: { id: string; title: string; round: number };
	/** Groups in both studies (compared), in the follow-up's order, labelled as there. */
	groups: Labelled[];
	/** Horizons in both studies (compared), in the follow-up's order. */
	horizons: Labelled[];
	/** Importance per horizon, then proficiency (when both studies measured it), per competence in the follow-up's order. */
	items: ComparisonItem[];
	/** What only one of the studies has: shown as "nur in …", never compared. */
	onlyInBase: { competences: { code: string; title: string }[]; groups: Labelled[]; horizons: Labelled[] };
	onlyInFollowUp: { competences: { code: string; title: string }[]; groups: Labelled[]; horizons: Labelled[] };
}

const SIZE_WORDS: Record<Locale, Record<EffectMagnitude, string>> = {
	de: { negligible: 'vernachlässigbar', small: 'klein', medium: 'mittel', large: 'groß' },
	en: { negligible: 'negligible', small: 'small', medium: 'medium', large: 'large' }
};

function itemKey(competence: string, measure: string, horizon: string | null): string {
	return `${competence}|${measure}|${horizon ?? ''}`;
}

const rated = (histogram: readonly number[]) => histogram.reduce((sum, count) => sum + count, 0);

export interface SentenceParts {
	competence: string;
	measure: 'importance' | 'proficiency';
	/** The horizon's label (importance only). */
	horizon: string | null;
	/** The group's label; null for all groups together. */
	group: string | null;
	baseTitle: string;
	figures: ComparedFigures;
	/** A self-check's sentence speaks of a condition and how it is today (issue 16); absent = competences. */
	instrument?: InstrumentKind;
}

/**
 * The finding in one plain sentence, e.g. "Die Kompetenz „Experimente wagen“ wird von der Gruppe
 * „Verwaltung“ besser eingeschätzt als in „Wissensbedarf 2025“: 2,4 → 3,1, Unterschied mittel
 * (p = 0,004)." The direction follows Cliff's delta; a negligible delta reads "etwa so … wie";
 * a difference that is not negligible but has p ≥ 0.05 is called "nicht gesichert".
 */
export function comparisonSentence(locale: Locale, parts: SentenceParts): string {
	return locale === 'de' ? germanSentence(parts) : englishSentence(parts);
}

function evidenceOf(locale: Locale, figures: ComparedFigures): string {
	const value = formatPValue(locale, figures.test?.pValue);
	const p = value.startsWith('<') ? `p ${value}` : `p = ${value}`;
	if (figures.test !== null && figures.test.pValue < COMPARISON_ALPHA) return ` (${p})`;
	return locale === 'de' ? `, aber statistisch nicht gesichert (${p})` : `, but not statistically supported (${p})`;
}

function germanSentence({ competence, measure, horizon, group, baseTitle, figures, instrument }: SentenceParts): string {
	const who = group === null ? 'von allen Gruppen zusammen' : `von der Gruppe „${group}“`;
	const when = measure === 'importance' && horizon !== null ? ` für ${horizon}` : '';
	const start = `${instrument === 'conditions' ? 'Die Bedingung' : 'Die Kompetenz'} „${competence}“ wird ${who}${when}`;
	const base = `„${baseTitle}“`;
	if (figures.delta === null || figures.magnitude === null) return `${start} nicht mit ${base} verglichen: In einer der beiden Analysen hat niemand diese Frage bewertet.`;
	const figuresText = `${formatDecimal('de', figures.meanBefore)} → ${formatDecimal('de', figures.meanAfter)}`;
	const size = SIZE_WORDS.de[figures.magnitude];
	if (figures.magnitude === 'negligible') {
		return `${start} ${measure === 'importance' ? 'etwa so wichtig' : 'etwa so gut'} eingeschätzt wie in ${base}: ${figuresText}, Unterschied ${size}.`;
	}
	const up = figures.delta > 0;
	const direction = measure === 'importance' ? (up ? 'wichtiger' : 'weniger wichtig') : up ? 'besser' : 'schlechter';
	return `${start} ${direction} eingeschätzt als in ${base}: ${figuresText}, Unterschied ${size}${evidenceOf('de', figures)}.`;
}

function englishSentence({ competence, measure, horizon, group, baseTitle, figures, instrument }: SentenceParts): string {
	const who = group === null ? 'all groups together' : `group “${group}”`;
	const what = measure === 'importance' ? `importance${horizon !== null ? ` for ${horizon}` : ''}` : instrument === 'conditions' ? 'how it is today' : 'proficiency';
	const start = `“${competence}”, ${who}: ${what}`;
	const base = `“${baseTitle}”`;
	if (figures.delta === null || figures.magnitude === null) return `${start} not compared with ${base}: nobody rated this question in one of the two studies.`;
	const figuresText = `${formatDecimal('en', figures.meanBefore)} → ${formatDecimal('en', figures.meanAfter)}`;
	const size = SIZE_WORDS.en[figures.magnitude];
	if (figures.magnitude === 'negligible') return `${start} rated about the same as in ${base}: ${figuresText}, difference ${size}.`;
	return `${start} rated ${figures.delta > 0 ? 'higher' : 'lower'} than in ${base}: ${figuresText}, difference ${size}${evidenceOf('en', figures)}.`;
}

function comparedFigures(before: Extract<CellResult, { suppressed: false }>, after: Extract<CellResult, { suppressed: false }>, locale: Locale): ComparedFigures {
	const result = compareTwoSamples(after.histogram, before.histogram);
	const change = before.mean !== null && after.mean !== null ? after.mean - before.mean : null;
	return {
		nBefore: rated(before.histogram),
		nAfter: rated(after.histogram),
		meanBefore: before.mean,
		meanAfter: after.mean,
		change,
		test: result ? { u: result.uX, z: result.z, pValue: result.pValue } : null,
		delta: result?.delta ?? null,
		magnitude: result?.magnitude ?? null,
		sizeWord: result ? SIZE_WORDS[locale][result.magnitude] : null
	};
}

const byKey = (list: readonly Labelled[]) => new Map(list.map((entry) => [entry.key, entry]));

/**
 * Compares the protected results of a follow-up study with those of a base study. Pure: both
 * results must come from resultsOfStudy (through the suppression function).
 */
export function compareStudyResults(base: ComparisonSide, followUp: ComparisonSide, locale: Locale = 'de'): StudyComparison {
	const baseGroups = byKey(base.results.groups);
	const followUpGroups = byKey(followUp.results.groups);
	const groups = followUp.results.groups.filter((g) => baseGroups.has(g.key)).map(({ key, label }) => ({ key, label }));
	const baseHorizons = byKey(base.horizons);
	const followUpHorizons = byKey(followUp.horizons);
	const horizons = followUp.horizons.filter((h) => baseHorizons.has(h.key)).map(({ key, label }) => ({ key, label }));
	const baseCodes = new Set(base.competences.map((c) => c.code));
	const followUpCodes = new Set(followUp.competences.map((c) => c.code));
	const shared = followUp.competences.filter((c) => baseCodes.has(c.code));

	const baseItems = new Map(base.results.items.map((item) => [itemKey(item.competence, item.measure, item.horizon), item]));
	const followUpItems = new Map(followUp.results.items.map((item) => [itemKey(item.competence, item.measure, item.horizon), item]));
	const cellOf = (item: ItemResult | undefined, group: string) => item?.cells.find((cell) => cell.group === group);

	const items: ComparisonItem[] = shared.flatMap((competence) => {
		const keys = [
			...horizons.map((h) => ({ measure: 'importance' as const, horizon: h.key as string | null })),
			{ measure: 'proficiency' as const, horizon: null }
		];
		return keys.flatMap(({ measure, horizon }) => {
			const before = baseItems.get(itemKey(competence.code, measure, horizon));
			const after = followUpItems.get(itemKey(competence.code, measure, horizon));
			if (!before || !after) return []; // e.g. proficiency measured in only one study
			const cells = [...groups.map((g) => g.key), ALL_GROUPS].map((group): ComparisonCell => {
				const beforeCell = cellOf(before, group);
				const afterCell = cellOf(after, group);
				if (!beforeCell || !afterCell || beforeCell.suppressed || afterCell.suppressed) return { group, suppressed: true };
				const figures = comparedFigures(beforeCell, afterCell, locale);
				const sentence = comparisonSentence(locale, {
					competence: competence.title,
					measure,
					horizon: horizon === null ? null : followUpHorizons.get(horizon)!.label,
					group: group === ALL_GROUPS ? null : followUpGroups.get(group)!.label,
					baseTitle: base.title,
					figures,
					instrument: followUp.instrument
				});
				return { group, suppressed: false, sentence, ...figures };
			});
			return [{ competence: competence.code, title: competence.title, measure, horizon, cells }];
		});
	});

	const labelledOnly = (list: readonly Labelled[], other: Map<string, Labelled>) => list.filter((entry) => !other.has(entry.key)).map(({ key, label }) => ({ key, label }));
	return {
		base: { id: base.id, title: base.title, round: base.results.round },
		followUp: { id: followUp.id, title: followUp.title, round: followUp.results.round },
		groups,
		horizons,
		items,
		onlyInBase: {
			competences: base.competences.filter((c) => !followUpCodes.has(c.code)).map(({ code, title }) => ({ code, title })),
			groups: labelledOnly(base.results.groups, followUpGroups),
			horizons: labelledOnly(base.horizons, followUpHorizons)
		},
		onlyInFollowUp: {
			competences: followUp.competences.filter((c) => !baseCodes.has(c.code)).map(({ code, title }) => ({ code, title })),
			groups: labelledOnly(followUp.results.groups, baseGroups),
			horizons: labelledOnly(followUp.horizons, baseHorizons)
		}
	};
}

export interface ComparisonRow {
	competence: string;
	title: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	cell: ComparisonCell;
}

/** One group's view of a comparison (or all groups'): what a results page shows. */
export interface ComparisonForGroup {
	group: string;
	/** Every compared question of the group, the largest |Cliff's delta| first; hidden cells and cells without ratings last, in questionnaire order. */
	rows: ComparisonRow[];
	/** The sentences of the differences that are at least small and statistically supported (p < COMPARISON_ALPHA), largest first. */
	notable: string[];
}

/** The comparison for one group key (or ALL_GROUPS); an unknown group shows every cell as hidden. */
export function comparisonForGroup(comparison: StudyComparison, group: string): ComparisonForGroup {
	const rows = comparison.items.map((item) => ({
		competence: item.competence,
		title: item.title,
		measure: item.measure,
		horizon: item.horizon,
		cell: item.cells.find((cell) => cell.group === group) ?? { group, suppressed: true as const }
	}));
	const size = (row: ComparisonRow) => (row.cell.suppressed || row.cell.delta === null ? -1 : Math.abs(row.cell.delta));
	const sorted = rows.map((row, index) => ({ row, index })).sort((a, b) => size(b.row) - size(a.row) || a.index - b.index).map(({ row }) => row);
	const notable = sorted.flatMap(({ cell }) =>
		!cell.suppressed && cell.magnitude !== null && cell.magnitude !== 'negligible' && cell.test !== null && cell.test.pValue < COMPARISON_ALPHA ? [cell.sentence] : []
	);
	return { group, rows: sorted, notable };
}

/** Query parameters of the comparison form on the results page (GET, works without JavaScript). */
export const COMPARISON_PARAMETERS = { study: 'vergleich', group: 'vergleich-gruppe' } as const;

/** "Vergleich mit früherer Analyse" on a study's results page. */
export interface ComparisonView {
	/** Other studies of the organisation with a closed round, newest first. */
	candidates: { id: string; title: string }[];
	/** The chosen earlier study, as requested (also when it cannot be compared). */
	selected: string | null;
	/** Chosen group key or ALL_GROUPS. */
	group: string;
	comparison: (Omit<StudyComparison, 'items'> & ComparisonForGroup) | null;
	/** Why the chosen study cannot be compared (a German message). */
	error: string | null;
	/** The instrument both studies share (the candidates have the same); absent = competences. */
	instrument?: InstrumentKind;
}
