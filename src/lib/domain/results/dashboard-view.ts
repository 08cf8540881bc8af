/**
 * What the results dashboard, the per-competence page and the exports show, derived only from a
 * StudyResults (every figure already through the one suppression function) plus the texts of the
 * pinned framework. Nothing here reads counters or answers: a hidden cell stays hidden in every
 * view, and every derived figure (a group's gap, a change between rounds) uses visible cells only.
 */
import { ALL_GROUPS } from '../anonymity/cells';
import { rawExportAllowed } from '../anonymity/raw-export';
import { DIMENSION_KEYS, instrumentKindOf, PRINCIPLE_KEYS, sortedByPosition, type FrameworkDocument, type InstrumentKind } from '../framework';
import { heatCellColours, type CellColours } from './chart-colours';
import type { ChangeCell } from './round-change';
import { trendWord, type TrendWord } from './trend-word';
import { keyFindings, type KeyFinding } from './overview';
import { selfCheckView, type SelfCheckView } from './self-check-view';
import type { CellResult, DisagreementResult, StudyResults } from './study-results';
import { rankPriorities } from '../statistics/gap';
import { closedRounds, type StudyStatus } from '../study/lifecycle';
import { localized, type Locale } from '../../i18n';

export { ALL_GROUPS };

export interface CompetenceInfo {
	code: string;
	title: string;
	description: string;
	areaCode: string;
	areaTitle: string;
	principles: string[];
	dimensions: string[];
	/** Practical first steps (conditions of a Rahmenbedingungen self-check). */
	firstSteps?: string;
}

export interface Labelled {
	key: string;
	label: string;
}

/** The study's texts and settings the views need, in the reader's language. */
export interface ResultsSetting {
	/** Competence study or Rahmenbedingungen self-check: decides the words (domain/study/instrument-words.ts); absent = competences. */
	instrument?: InstrumentKind;
	studyId: string;
	studyTitle: string;
	status: StudyStatus;
	horizons: Labelled[];
	groups: Labelled[];
	measureProficiency: boolean;
	consensus: { maxIqr: number; minAgreement: number };
	quantileType: 6 | 7;
	minGroupSize: number;
	/** In questionnaire order. */
	competences: CompetenceInfo[];
	/** Areas that hold at least one of the study's competences, in framework order. */
	areas: { code: string; title: string }[];
	/** Charter principles and dimensions that tag at least one of the study's competences. */
	principles: string[];
	dimensions: string[];
	/** Rounds with results (closed ones). */
	rounds: number[];
	/** Rounds the study plans (Delphi: more than one). */
	plannedRounds: number;
}

/** What resultsSetting reads of a study. */
export interface SettingStudy {
	id: string;
	title: string;
	status: StudyStatus;
	horizons: readonly Labelled[];
	groups: readonly Labelled[];
	measureProficiency: boolean;
	consensus: { maxIqr: number; minAgreement: number };
	quantileType: number;
	minGroupSize: number;
	/** Competence codes of the pinned version, in questionnaire order. */
	competences: readonly string[];
	currentRound: number;
	rounds: number;
}

export function resultsSetting(study: SettingStudy, document: FrameworkDocument, locale: Locale): ResultsSetting {
	const byCode = new Map<string, CompetenceInfo>();
	const areaOrder: { code: string; title: string }[] = [];
	for (const area of sortedByPosition(document.areas)) {
		const areaTitle = localized(locale, area, 'title');
		let used = false;
		for (const competence of sortedByPosition(area.competences)) {
			if (!study.competences.includes(competence.code)) continue;
			used = true;
			byCode.set(competence.code, {
				code: competence.code,
				title: localized(locale, competence, 'title'),
				description: localized(locale, competence, 'description'),
				areaCode: area.code,
				areaTitle,
				principles: [...competence.tags.principles],
				dimensions: [...competence.tags.dimensions],
				...(competence.firstSteps_de || competence.firstSteps_en ? { firstSteps: localized(locale, { firstSteps_de: competence.firstSteps_de ?? '', firstSteps_en: competence.firstSteps_en ?? '' }, 'firstSteps') } : {})
			});
		}
		if (used) areaOrder.push({ code: area.code, title: areaTitle });
	}
	const competences = study.competences.map(
		(code) => byCode.get(code) ?? { code, title: code, description: '', areaCode: '', areaTitle: '', principles: [], dimensions: [] }
	);
	const tagged = (keys: readonly string[], pick: (c: CompetenceInfo) => string[]) => keys.filter((key) => competences.some((c) => pick(c).includes(key)));
	return {
		instrument: instrumentKindOf(document),
		studyId: study.id,
		studyTitle: study.title,
		status: study.status,
		horizons: study.horizons.map((h) => ({ key: h.key, label: h.label })),
		groups: study.groups.map((g) => ({ key: g.key, label: g.label })),
		measureProficiency: study.measureProficiency,
		consensus: { maxIqr: study.consensus.maxIqr, minAgreement: study.consensus.minAgreement },
		quantileType: study.quantileType === 6 ? 6 : 7,
		minGroupSize: study.minGroupSize,
		competences,
		areas: areaOrder,
		principles: tagged(PRINCIPLE_KEYS, (c) => c.principles),
		dimensions: tagged(DIMENSION_KEYS, (c) => c.dimensions),
		rounds: closedRounds(study),
		plannedRounds: study.rounds
	};
}

// ─── Filters ──────────────────────────────────────────────────────────────────────────────────

/** Query parameters of the filter form (GET, works without JavaScript). */
export const FILTER_PARAMETERS = { round: 'runde', horizon: 'horizont', area: 'bereich', principle: 'grundsatz', dimension: 'dimension', group: 'gruppe' } as const;

export interface ResultsFilter {
	horizon: string | null;
	area: string | null;
	principle: string | null;
	dimension: string | null;
	/** A stakeholder group whose figures the gaps, matrix and consensus show instead of all groups. */
	group: string | null;
}

export const NO_FILTER: ResultsFilter = { horizon: null, area: null, principle: null, dimension: null, group: null };

/** Unknown values are ignored (the filter shows "alle"), so an old bookmark still opens. */
export function parseFilter(params: URLSearchParams, setting: ResultsSetting): ResultsFilter {
	const pick = (name: string, allowed: readonly string[]) => {
		const value = params.get(name);
		return value !== null && allowed.includes(value) ? value : null;
	};
	return {
		horizon: pick(FILTER_PARAMETERS.horizon, setting.horizons.map((h) => h.key)),
		area: pick(FILTER_PARAMETERS.area, setting.areas.map((a) => a.code)),
		principle: pick(FILTER_PARAMETERS.principle, setting.principles),
		dimension: pick(FILTER_PARAMETERS.dimension, setting.dimensions),
		group: pick(FILTER_PARAMETERS.group, setting.groups.map((g) => g.key))
	};
}

/** The query string of a filter (and round), for links that keep the reader's choice. */
export function filterQuery(filter: ResultsFilter, round?: number): string {
	const params = new URLSearchParams();
	if (round !== undefined) params.set(FILTER_PARAMETERS.round, String(round));
	for (const key of ['horizon', 'area', 'principle', 'dimension', 'group'] as const) {
		const value = filter[key];
		if (value) params.set(FILTER_PARAMETERS[key], value);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

export function selectedCompetences(setting: ResultsSetting, filter: ResultsFilter): CompetenceInfo[] {
	return setting.competences.filter(
		(c) =>
			(!filter.area || c.areaCode === filter.area) &&
			(!filter.principle || c.principles.includes(filter.principle)) &&
			(!filter.dimension || c.dimensions.includes(filter.dimension))
	);
}

// ─── Cells ────────────────────────────────────────────────────────────────────────────────────

export type VisibleCell = Extract<CellResult, { suppressed: false }>;

export function cellOf(results: StudyResults, competence: string, measure: 'importance' | 'proficiency', horizon: string | null, group: string): CellResult | null {
	const item = results.items.find((i) => i.competence === competence && i.measure === measure && i.horizon === horizon);
	return item?.cells.find((c) => c.group === group) ?? null;
}

export function visibleCell(cell: CellResult | null): VisibleCell | null {
	return cell && !cell.suppressed ? cell : null;
}

/** A group's label; "all" is the caller's to name. */
export function groupLabel(setting: ResultsSetting, key: string, allLabel: string): string {
	return key === ALL_GROUPS ? allLabel : (setting.groups.find((g) => g.key === key)?.label ?? key);
}

export function horizonLabel(setting: ResultsSetting, key: string | null): string | null {
	return key === null ? null : (setting.horizons.find((h) => h.key === key)?.label ?? key);
}

// ─── Views ────────────────────────────────────────────────────────────────────────────────────

export interface ParticipationRow {
	key: string;
	label: string;
	n: number | null;
	suppressed: boolean;
}

export function participationRows(results: StudyResults): ParticipationRow[] {
	return results.groups.map((g) => ({ key: g.key, label: g.label, n: g.n, suppressed: g.suppressed }));
}

export interface GapRow {
	code: string;
	title: string;
	rank: number | null;
	meanGap: number | null;
	medianGap: number | null;
	importanceMean: number | null;
	proficiencyMean: number | null;
}

/**
 * Gaps of one horizon for all groups (the ranking StudyResults computed) or for one group (from its
 * visible importance and proficiency cells, ranked the same way); largest first, unknown last.
 * Ranks count among all of the study's competences, also when a filter shows fewer.
 */
export function gapRows(results: StudyResults, setting: ResultsSetting, horizon: string, group: string = ALL_GROUPS): GapRow[] {
	const title = (code: string) => setting.competences.find((c) => c.code === code)?.title ?? code;
	if (!setting.measureProficiency) return [];
	if (group === ALL_GROUPS) {
		return results.gaps
			.filter((g) => g.horizon === horizon)
			.map((g) => ({ code: g.competence, title: title(g.competence), rank: g.rank, meanGap: g.meanGap, medianGap: g.medianGap, importanceMean: g.importanceMean, proficiencyMean: g.proficiencyMean }));
	}
	const candidates = setting.competences.map(({ code }) => {
		const importance = visibleCell(cellOf(results, code, 'importance', horizon, group));
		const proficiency = visibleCell(cellOf(results, code, 'proficiency', null, group));
		const difference = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a - b);
		return {
			competence: code,
			gap: { meanGap: difference(importance?.mean, proficiency?.mean), medianGap: difference(importance?.median, proficiency?.median) },
			importanceMean: importance?.mean ?? null,
			proficiencyMean: proficiency?.mean ?? null
		};
	});
	return rankPriorities(candidates).map((entry) => {
		const source = candidates.find((c) => c.competence === entry.competence)!;
		return {
			code: entry.competence,
			title: title(entry.competence),
			rank: entry.rank,
			meanGap: entry.gap.meanGap,
			medianGap: entry.gap.medianGap,
			importanceMean: source.importanceMean,
			proficiencyMean: source.proficiencyMean
		};
	});
}

export function topGaps(rows: GapRow[], competences: CompetenceInfo[], limit = 10): GapRow[] {
	const shown = new Set(competences.map((c) => c.code));
	return rows.filter((row) => row.rank !== null && row.meanGap !== null && shown.has(row.code)).slice(0, limit);
}

export interface MatrixPoint {
	code: string;
	title: string;
	/** Proficiency mean. */
	x: number;
	/** Importance mean in the horizon. */
	y: number;
}

export function matrixPoints(results: StudyResults, competences: CompetenceInfo[], horizon: string, group: string = ALL_GROUPS): { points: MatrixPoint[]; missing: string[] } {
	const points: MatrixPoint[] = [];
	const missing: string[] = [];
	for (const c of competences) {
		const importance = visibleCell(cellOf(results, c.code, 'importance', horizon, group))?.mean ?? null;
		const proficiency = visibleCell(cellOf(results, c.code, 'proficiency', null, group))?.mean ?? null;
		if (importance === null || proficiency === null) missing.push(c.code);
		else points.push({ code: c.code, title: c.title, x: proficiency, y: importance });
	}
	return { points, missing };
}

export interface HeatCell {
	group: string;
	suppressed: boolean;
	n: number | null;
	mean: number | null;
	/** Cell fill and the figure's colour on it (contrast ≥ 4.5 : 1); null for hidden or empty cells. */
	colours: CellColours | null;
}

export interface HeatRow {
	code: string;
	title: string;
	cells: HeatCell[];
}

/** Importance mean per group (and all groups, last) in one horizon. */
export function heatmapRows(results: StudyResults, competences: CompetenceInfo[], horizon: string): { columns: string[]; rows: HeatRow[] } {
	const columns = [...results.groups.map((g) => g.key), ALL_GROUPS];
	const rows = competences.map((c) => ({
		code: c.code,
		title: c.title,
		cells: columns.map((group): HeatCell => {
			const cell = cellOf(results, c.code, 'importance', horizon, group);
			if (!cell || cell.suppressed) return { group, suppressed: true, n: null, mean: null, colours: null };
			return { group, suppressed: false, n: cell.n, mean: cell.mean, colours: cell.mean === null ? null : heatCellColours(cell.mean) };
		})
	}));
	return { columns, rows };
}

export interface DisagreementRow {
	code: string;
	title: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	higherGroup: string;
	lowerGroup: string;
	delta: number;
	magnitude: DisagreementResult['magnitude'];
	medianDifference: DisagreementResult['medianDifference'];
}

/** Strongest first; with a horizon chosen, that horizon's importance and the proficiency items. */
export function disagreementRows(results: StudyResults, competences: CompetenceInfo[], filter: ResultsFilter): DisagreementRow[] {
	const shown = new Map(competences.map((c) => [c.code, c]));
	return results.disagreement
		.filter((d) => shown.has(d.competence))
		.filter((d) => !filter.horizon || d.horizon === null || d.horizon === filter.horizon)
		.filter((d) => !filter.group || d.higherGroup === filter.group || d.lowerGroup === filter.group)
		.map((d) => ({
			code: d.competence,
			title: shown.get(d.competence)!.title,
			measure: d.measure,
			horizon: d.horizon,
			higherGroup: d.higherGroup,
			lowerGroup: d.lowerGroup,
			delta: d.delta,
			magnitude: d.magnitude,
			medianDifference: d.medianDifference
		}));
}

export interface ConsensusRow {
	code: string;
	title: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	suppressed: boolean;
	n: number | null;
	median: number | null;
	iqr: number | null;
	agreement: number | null;
	consensus: boolean | null;
}

export function consensusRows(results: StudyResults, competences: CompetenceInfo[], filter: ResultsFilter, group: string = ALL_GROUPS): ConsensusRow[] {
	const shown = new Map(competences.map((c) => [c.code, c]));
	return results.items
		.filter((item) => shown.has(item.competence) && (!filter.horizon || item.horizon === null || item.horizon === filter.horizon))
		.map((item) => {
			const cell = item.cells.find((c) => c.group === group);
			const base = { code: item.competence, title: shown.get(item.competence)!.title, measure: item.measure, horizon: item.horizon };
			if (!cell || cell.suppressed) return { ...base, suppressed: true, n: null, median: null, iqr: null, agreement: null, consensus: null };
			return { ...base, suppressed: false, n: cell.n, median: cell.median, iqr: cell.iqr, agreement: cell.agreement, consensus: cell.consensus };
		});
}

// ─── One competence ───────────────────────────────────────────────────────────────────────────

export interface CompetenceItemView {
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	cells: CellResult[];
}

export function competenceItems(results: StudyResults, code: string): CompetenceItemView[] {
	return results.items.filter((i) => i.competence === code).map((i) => ({ measure: i.measure, horizon: i.horizon, cells: i.cells }));
}

export interface RoundFigures {
	round: number;
	/** Figures are null when the cell is hidden in this round (suppressed) or has no ratings. */
	suppressed: boolean;
	n: number | null;
	mean: number | null;
	median: number | null;
	/** This round minus the previous closed round; null unless both are visible. */
	meanChange: number | null;
	medianChange: number | null;
	/** Round ≥ 2: share of changed answers, CV and Wilcoxon against the previous round (suppressed: no figures). */
	delphi: ChangeCell | null;
}

export interface RoundChangeRow {
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	group: string;
	rounds: RoundFigures[];
}

/**
 * Means and medians of one competence in every closed round, per item and group, with the change
 * from the previous round. Only cells visible in both rounds are compared: each round is
 * protected on its own, and the difference of two visible figures reveals nothing hidden.
 */
export function roundChanges(perRound: StudyResults[], code: string): RoundChangeRow[] {
	if (perRound.length < 2) return [];
	const [first] = perRound;
	const rows: RoundChangeRow[] = [];
	for (const item of first.items.filter((i) => i.competence === code)) {
		for (const { group } of item.cells) {
			const cells = perRound.map((results) => visibleCell(cellOf(results, code, item.measure, item.horizon, group)));
			const rounds = perRound.map((results, index): RoundFigures => {
				const cell = cells[index];
				const previous = index > 0 ? cells[index - 1] : null;
				const change = (now: number | null | undefined, before: number | null | undefined) => (now === null || now === undefined || before === null || before === undefined ? null : now - before);
				return {
					round: results.round,
					suppressed: !cell,
					n: cell?.n ?? null,
					mean: cell?.mean ?? null,
					median: cell?.median ?? null,
					meanChange: change(cell?.mean, previous?.mean),
					medianChange: change(cell?.median, previous?.median),
					delphi: changeCellOf(results, code, item.measure, item.horizon, group)
				};
			});
			rows.push({ measure: item.measure, horizon: item.horizon, group, rounds });
		}
	}
	return rows;
}

// ─── Delphi: change against the previous round ────────────────────────────────────────────────

export function changeCellOf(results: StudyResults, competence: string, measure: 'importance' | 'proficiency', horizon: string | null, group: string): ChangeCell | null {
	const item = results.change?.find((i) => i.competence === competence && i.measure === measure && i.horizon === horizon);
	return item?.cells.find((c) => c.group === group) ?? null;
}

export interface ChangeRow {
	code: string;
	title: string;
	pairs: number;
	changedShare: number | null;
	cvPrevious: number | null;
	cvCurrent: number | null;
	cvChange: number | null;
	pValue: number | null;
}

export interface ChangeBlock {
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	/** Largest share of changed answers first (only items where something changed). */
	changed: ChangeRow[];
	/** Largest drop of the coefficient of variation first (only items that converged). */
	converged: ChangeRow[];
}

/**
 * Round ≥ 2: per horizon (importance) and for proficiency, the items whose answers moved most and
 * those that converged most, for one group or all groups. Only visible change cells take part.
 */
export function changeBlocks(results: StudyResults, setting: ResultsSetting, competences: CompetenceInfo[], horizons: string[], group: string = ALL_GROUPS, limit = 5): { previousRound: number; blocks: ChangeBlock[] } | null {
	if (!results.change || results.round < 2) return null;
	const items: { measure: 'importance' | 'proficiency'; horizon: string | null }[] = [
		...horizons.map((horizon) => ({ measure: 'importance' as const, horizon })),
		...(setting.measureProficiency ? [{ measure: 'proficiency' as const, horizon: null }] : [])
	];
	const blocks = items.map(({ measure, horizon }): ChangeBlock => {
		const rows = competences.flatMap((c): ChangeRow[] => {
			const cell = changeCellOf(results, c.code, measure, horizon, group);
			if (!cell || cell.suppressed) return [];
			return [{ code: c.code, title: c.title, pairs: cell.pairs, changedShare: cell.changedShare, cvPrevious: cell.cvPrevious, cvCurrent: cell.cvCurrent, cvChange: cell.cvChange, pValue: cell.wilcoxon?.pValue ?? null }];
		});
		const changed = rows.filter((r) => r.changedShare !== null && r.changedShare > 0).sort((a, b) => b.changedShare! - a.changedShare! || (a.code < b.code ? -1 : 1));
		const converged = rows.filter((r) => r.cvChange !== null && r.cvChange < 0).sort((a, b) => a.cvChange! - b.cvChange! || (a.code < b.code ? -1 : 1));
		return { measure, horizon, changed: changed.slice(0, limit), converged: converged.slice(0, limit) };
	});
	return { previousRound: results.round - 1, blocks };
}

// ─── Raw export gate ──────────────────────────────────────────────────────────────────────────

// ─── The dashboard as a whole ─────────────────────────────────────────────────────────────────

export interface DashboardView {
	round: number;
	minGroupSize: number;
	quantileType: 6 | 7;
	participants: number | null;
	filter: ResultsFilter;
	/** Whose figures gaps, matrix and consensus show: the chosen group, or ALL_GROUPS. */
	group: string;
	/** The chosen group is hidden in this round, so all groups are shown instead. */
	groupHidden: boolean;
	/** The horizon of the matrix and the heatmap: the chosen one, else the first. */
	horizon: string;
	participation: ParticipationRow[];
	/** nRange: the smallest and largest n behind the means shown (importance and proficiency cells). */
	gaps: { horizon: string; rows: GapRow[]; ranked: number; nRange: [number, number] | null }[];
	matrix: { points: MatrixPoint[]; missing: string[]; nRange: [number, number] | null };
	heatmap: { columns: string[]; rows: HeatRow[] };
	/** A Rahmenbedingungen self-check only: scores per dimension and group, and where the sides differ most. */
	selfCheck?: SelfCheckView;
	disagreement: DisagreementRow[];
	/** Groups shown (not hidden for protection): with fewer than two there is nothing to compare. */
	visibleGroups: number;
	/** Kendall's W of the visible groups' gap rankings (over all competences), per horizon shown. */
	concordance: StudyResults['concordance'];
	consensus: ConsensusRow[];
	/** Round ≥ 2: where answers moved and converged against the previous round; null in round 1. */
	change: ReturnType<typeof changeBlocks>;
	competences: { code: string; title: string; areaTitle: string }[];
	rawExport: boolean;
	/** The three to five findings shown first ("Das Wichtigste auf einen Blick"), for the group and selection shown. */
	overview: KeyFinding[];
}

/** Smallest and largest n of the visible cells behind a set of competences' importance (in a horizon) and proficiency means. */
export function nRange(results: StudyResults, codes: string[], horizon: string, group: string): [number, number] | null {
	const ns = codes.flatMap((code) => [cellOf(results, code, 'importance', horizon, group), cellOf(results, code, 'proficiency', null, group)]).flatMap((cell) => {
		const shown = visibleCell(cell);
		return shown ? [shown.n] : [];
	});
	return ns.length ? [Math.min(...ns), Math.max(...ns)] : null;
}

export function dashboardView(results: StudyResults, setting: ResultsSetting, filter: ResultsFilter, topLimit = 10): DashboardView {
	const chosen = filter.group ? results.groups.find((g) => g.key === filter.group) : undefined;
	const groupHidden = Boolean(chosen?.suppressed);
	const group = chosen && !chosen.suppressed ? chosen.key : ALL_GROUPS;
	const competences = selectedCompetences(setting, filter);
	const horizon = filter.horizon ?? setting.horizons[0]?.key ?? '';
	const gapHorizons = filter.horizon ? [filter.horizon] : setting.horizons.map((h) => h.key);
	const gaps = gapHorizons.map((h) => {
		const all = gapRows(results, setting, h, group);
		const rows = topGaps(all, competences, topLimit);
		return { horizon: h, rows, ranked: all.filter((r) => r.rank !== null).length, nRange: nRange(results, rows.map((r) => r.code), h, group) };
	});
	const disagreement = disagreementRows(results, competences, filter);
	const consensus = consensusRows(results, competences, filter, group);
	const horizons = setting.horizons.map((h) => h.key);
	const overview = keyFindings({
		gaps: setting.measureProficiency ? gaps : [],
		trends: filter.horizon ? [] : competences.map((c) => ({ code: c.code, title: c.title, means: horizons.map((h) => visibleCell(cellOf(results, c.code, 'importance', h, group))?.mean ?? null) })),
		horizons,
		disagreement,
		consensus
	});
	return {
		...(setting.instrument === 'conditions' ? { selfCheck: selfCheckView(results, setting) } : {}),
		round: results.round,
		minGroupSize: results.minGroupSize,
		quantileType: results.quantileType,
		participants: results.participants,
		filter,
		group,
		groupHidden,
		horizon,
		participation: participationRows(results),
		gaps,
		matrix: (() => {
			if (!setting.measureProficiency) return { points: [], missing: [], nRange: null };
			const matrix = matrixPoints(results, competences, horizon, group);
			return { ...matrix, nRange: nRange(results, matrix.points.map((p) => p.code), horizon, group) };
		})(),
		heatmap: heatmapRows(results, competences, horizon),
		disagreement,
		visibleGroups: results.groups.filter((g) => !g.suppressed).length,
		concordance: results.concordance.filter((c) => gapHorizons.includes(c.horizon)),
		consensus,
		change: changeBlocks(results, setting, competences, gapHorizons, group),
		competences: competences.map((c) => ({ code: c.code, title: c.title, areaTitle: c.areaTitle })),
		rawExport: rawExportAllowed(results),
		overview
	};
}

// ─── What the results pages receive ───────────────────────────────────────────────────────────

/** Shown open answers with their labels, grouped by question, for pages and files. */
export interface OpenAnswerSection {
	question: string;
	label: string;
	groups: { group: string; label: string; texts: string[] }[];
}

export type DashboardPage =
	| { state: 'empty'; setting: ResultsSetting; progress: { status: StudyStatus; round: number; rounds: number } }
	| {
			state: 'results';
			setting: ResultsSetting;
			view: DashboardView;
			query: string;
			/** The study's open questions (how many), and their released answers of eligible groups (the group filter applies). */
			openAnswers: { questions: number; threshold: number; sections: OpenAnswerSection[] };
	  };

export interface CompetencePage {
	setting: ResultsSetting;
	competence: CompetenceInfo;
	round: number;
	minGroupSize: number;
	quantileType: 6 | 7;
	filter: ResultsFilter;
	/** Back to the dashboard with the same round and filter. */
	query: string;
	items: CompetenceItemView[];
	gaps: { horizon: string; rank: number | null; meanGap: number | null; medianGap: number | null; ranked: number }[];
	/** The trend with the word that matches its figures (trendWord). */
	trend: (StudyResults['trends'][number] & { word: TrendWord | null }) | null;
	/** Every closed round, when there is more than one. */
	changes: RoundChangeRow[];
	changeRounds: number[];
	groups: StudyResults['groups'];
}

/** A competence's trend with the word that matches its figures. */
export function trendOf(trend: StudyResults['trends'][number] | undefined): CompetencePage['trend'] {
	return trend ? { ...trend, word: trendWord(trend.means, trend.direction) } : null;
}
